import sharp from 'sharp';

/**
 * A camera-size photograph (JPEG, with grain so it compresses like a real photo), generated rather than committed.
 * @param file where to write it
 * @param width pixels
 * @param height pixels
 * @param hue turns the colours, so that each photo is different
 */
export async function writeCameraPhoto(file: string, width: number, height: number, hue = 0): Promise<void> {
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#33526e"/><stop offset="1" stop-color="#d8b26a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.3}" cy="${height * 0.4}" r="${height * 0.25}" fill="#f4f1ea" fill-opacity="0.6"/></svg>`;
  const tile = 256;
  const grain = Buffer.alloc(tile * tile);
  for (let i = 0; i < grain.length; i += 1) grain[i] = 118 + ((i * 2654435761) >>> 24) % 20;
  const noise = await sharp(grain, { raw: { width: tile, height: tile, channels: 1 } }).png().toBuffer();
  await sharp(Buffer.from(scene))
    .composite([{ input: noise, tile: true, blend: 'overlay' }])
    .modulate({ hue })
    .jpeg({ quality: 92 })
    .toFile(file);
}
