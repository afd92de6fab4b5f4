import path from 'node:path';
import sharp from 'sharp';

/**
 * Write the photos the plain-GFM fixture uses, generated rather than committed:
 * - landscape.jpg, 1600×1000;
 * - portrait-exif.jpg, upright 600×900 (red top, blue bottom) stored rotated with EXIF orientation 6;
 * - badge.png, 600×600 with a transparent background.
 * @param dir the manuscript's images/ folder
 */
export async function writeTestImages(dir: string): Promise<void> {
  const gradient = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><defs><linearGradient id="g"><stop offset="0" stop-color="#2f6f4f"/><stop offset="1" stop-color="#c9b26b"/></linearGradient></defs><rect width="1600" height="1000" fill="url(#g)"/></svg>`;
  await sharp(Buffer.from(gradient)).jpeg({ quality: 85 }).toFile(path.join(dir, 'landscape.jpg'));

  const upright = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900"><rect width="600" height="450" fill="#ff0000"/><rect y="450" width="600" height="450" fill="#0000ff"/></svg>`;
  // Orientation 6 means "turn the stored pixels 90° clockwise to show them", so store them turned the other way.
  const stored = await sharp(Buffer.from(upright)).rotate(270).toBuffer();
  await sharp(stored).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toFile(path.join(dir, 'portrait-exif.jpg'));

  const badge = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><circle cx="300" cy="300" r="260" fill="#17324d" fill-opacity="0.7"/><circle cx="300" cy="300" r="120" fill="#a4803f"/></svg>`;
  await sharp(Buffer.from(badge)).png().toFile(path.join(dir, 'badge.png'));
}
