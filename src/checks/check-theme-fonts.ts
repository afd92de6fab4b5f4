import * as fontkit from 'fontkit';
import { readSourceFile } from '../files/read-source-file.js';
import { sourceFolder } from '../files/source-folder.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import { error, warning } from '../messages/emit.js';

// The faces the theme sets each role in (display: headings, tables and footnote markers, also in italics; the
// Arabic script has no italics, and is never slanted).
const variants = ['regular', 'italic', 'bold', 'boldItalic'] as const;
const upright = ['regular', 'bold'] as const;
const names = { regular: 'regular', italic: 'italic', bold: 'bold', boldItalic: 'bold italic' } as const;

/**
 * Check the font files `theme.fonts` names the way Chromium will use them: CFF or variable outlines print as
 * Type 3 fonts, which fail the print edition, and a face the theme sets but the files lack (bold, italic) is not
 * faked (`font-synthesis: none`): that text prints in the nearest face there is.
 * @param manuscript the manuscript, for report.yaml and its positions
 */
export async function checkThemeFonts(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>): Promise<void> {
  const { fonts = {} } = manuscript.config.theme;
  for (const role of ['text', 'display', 'arabic', 'urdu'] as const) {
    const files = fonts[role];
    if (!files) continue;
    for (const key of variants) {
      const value = files[key];
      // Through the one door, like every manuscript file: one it refuses was reported where the theme is resolved.
      const located = value ? sourceFolder(manuscript.root)?.locate(value, 'font') : undefined;
      if (!located?.found) continue;
      const problem = outlineProblem(await readSourceFile(located, 'font'));
      if (problem) {
        error(manuscript.configFile, `\`theme.fonts.${role}.${key}\`: ${value} ${problem}, which Chromium prints as a Type 3 font and print shops reject. Use a TrueType (.ttf) file of the font.`, 'font-type3', manuscript.locate(['theme', 'fonts', role, key]));
      }
    }
    const missing = (role === 'arabic' || role === 'urdu' ? upright : variants).filter((key) => !files[key]);
    if (missing.length > 0) {
      const list = missing.map((key) => names[key]).join(', ');
      warning(manuscript.configFile, `\`theme.fonts.${role}\` has no ${list} face: text the theme sets so prints in the nearest face given (Folio never lets the browser fake one, which would print as a Type 3 font). Add the files if the font has them.`, 'font-face-missing', manuscript.locate(['theme', 'fonts', role]));
    }
  }
}

/** Why a font file would print as Type 3, if it would. */
function outlineProblem(data: Buffer): string | undefined {
  try {
    const font = fontkit.create(data);
    if (!('directory' in font)) return undefined;
    const tables = Object.keys((font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
    if (tables.includes('fvar')) return 'is a variable font';
    if (tables.includes('CFF ') || tables.includes('CFF2')) return 'has PostScript (CFF) outlines';
    return undefined;
  } catch {
    return undefined;
  }
}
