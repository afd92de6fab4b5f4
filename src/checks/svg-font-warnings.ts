import path from 'node:path';
import { readSourceFile } from '../files/read-source-file.js';
import { mapSvgFonts, type SvgFamilies } from '../images/map-svg-fonts.js';

/**
 * The `image-font` warnings of an SVG: one per family it names that the report cannot set its text in. The image
 * stage sets the text in the report's faces (images/map-svg-fonts.ts): this runs the same mapping, to name what
 * it cannot map.
 * @param file the SVG's real path, from the manuscript folder's door
 * @param families the report's sans-serif, serif and monospace families
 */
export async function svgFontWarnings(file: string, families: SvgFamilies): Promise<string[]> {
  const name = path.basename(file);
  const { unmapped } = mapSvgFonts((await readSourceFile({ path: file }, 'image')).toString('utf8'), families);
  return unmapped.map(
    (family) =>
      `${name} sets text in “${family}”, a font the report does not have: a picture cannot load it, so that text prints in ${families.sans} instead. Write font-family="sans-serif" (${families.sans}), "serif" (${families.serif}) or "monospace" (${families.mono}) in the SVG, or turn its text into outlines.`,
  );
}
