import { createHash } from 'node:crypto';

/**
 * Give the fonts an SVG carries inside it (`@font-face` sources as data URLs, its own or those Folio embeds) URLs
 * that belong to this drawing alone, by a media-type parameter naming it (`data:font/woff2;drawing=…;base64,…`).
 * Chromium shares a font between two drawings that load the same data URL only when the first load has finished
 * before the second starts: the seminar report's two emblems, which carry the same font, printed their letters as
 * one subset in some builds and as two in others, so the same manuscript gave a PDF of other bytes. With a URL of
 * its own, each drawing's font is always its own subset.
 * @param svg the drawing's markup
 * @returns the markup with each font data URL named after the drawing's content
 */
export function ownFontUrls(svg: string): string {
  const drawing = createHash('sha256').update(svg).digest('hex').slice(0, 16);
  return svg.replace(/(url\(\s*['"]?data:)((?:font|application)\/[\w.+-]+)(?=[;,])/gi, `$1$2;drawing=${drawing}`);
}
