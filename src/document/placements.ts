/**
 * The size (in millimetres) at which the theme places each kind of image. The stylesheets read these as CSS
 * custom properties (theme-style.ts writes them), and the resolution check measures photos against them, so the
 * two cannot drift apart.
 */
export const placements = {
  /** A figure: at most the text width, and at most this tall. */
  figure: { width: 166, height: 120 },
  /** A figure on a page turned sideways (`:::landscape`): at most the turned page's text width, and this tall. */
  turnedFigure: { width: 249, height: 135 },
  /** A speaker portrait, cropped to a circle. */
  speaker: { width: 30, height: 30 },
  /** A moderator's (labelled speaker's) portrait. */
  speakerLead: { width: 34, height: 34 },
  /** A gallery photo, two across the text width, cropped to 3:2. */
  gallery: { width: 80, height: 80 / 1.5 },
  /** A photo behind the front cover: the whole page. */
  coverPhoto: { width: 210, height: 297 },
} as const;

/** A kind of placed image. */
export type Placement = keyof typeof placements;

/** The placements as CSS custom properties, for the theme's stylesheets. */
export function placementVariables(): string[] {
  return Object.entries(placements).flatMap(([name, size]) => {
    const kebab = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    return [`--${kebab}-width:${size.width}mm`, `--${kebab}-height:${size.height.toFixed(2)}mm`];
  });
}

/**
 * Millimetres per pixel at which the theme draws an image in its box: `contain` fits it inside (figures),
 * `cover` fills the box and crops (portraits, gallery photos, the cover photo).
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param box the box in millimetres
 * @param fit how the image is sized in the box
 */
export function placedScale(width: number, height: number, box: { width: number; height: number }, fit: 'contain' | 'cover'): number {
  const across = box.width / width;
  const down = box.height / height;
  return fit === 'contain' ? Math.min(across, down) : Math.max(across, down);
}
