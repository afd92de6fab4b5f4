import type { Manuscript } from '../manuscript/manuscript.js';
import { cssString } from './css-string.js';
import { bundledFamilies, bundledFontFaces, scriptFamilies, type FontFace } from './bundled-fonts.js';
import { pageRule } from './page-sizes.js';
import { placementVariables } from './placements.js';
import { resolveConfigAsset } from './resolve-config-asset.js';

/** The fonts a report is set in: every face declared, and the families used for text and display. */
export interface ThemeFonts {
  readonly faces: readonly FontFace[];
  readonly family: Readonly<Record<FontRole, string>>;
}

/** What a family sets: running text, headings and labels, code, Arabic-script text, Urdu. */
export type FontRole = 'text' | 'display' | 'mono' | 'arabic' | 'urdu';

const resolved = new WeakMap<object, ThemeFonts>();

/**
 * The report's fonts: the bundled families, or the files `theme.fonts` in report.yaml names (resolved once per
 * manuscript, so a missing file is reported once).
 * @param manuscript the manuscript, for `theme.fonts`
 */
export function themeFonts(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>): ThemeFonts {
  const known = resolved.get(manuscript);
  if (known) return known;
  const { fonts = {} } = manuscript.config.theme;
  const faces: FontFace[] = bundledFontFaces();
  const family: Record<FontRole, string> = { ...bundledFamilies, arabic: scriptFamilies.naskh, urdu: scriptFamilies.nastaliq };
  for (const role of ['text', 'display', 'arabic', 'urdu'] as const) {
    const files = fonts[role];
    if (!files) continue;
    family[role] = files.family ?? `Report ${role}`;
    const variants = [
      ['regular', 400, 'normal'],
      ['italic', 400, 'italic'],
      ['bold', 700, 'normal'],
      ['boldItalic', 700, 'italic'],
    ] as const;
    for (const [key, weight, style] of variants) {
      const url = resolveConfigAsset(manuscript, ['theme', 'fonts', role, key], files[key], 'font');
      if (url) faces.push({ family: family[role], weight, style, url });
    }
  }
  const result = { faces, family };
  resolved.set(manuscript, result);
  return result;
}

/**
 * The report's own stylesheet: `@font-face` rules for its fonts, and the theme's colours, families and image
 * placements as CSS custom properties that the templates read.
 * @param manuscript the manuscript, for `theme` and `page` in report.yaml
 * @param edition the edition: print adds the bleed
 */
export function themeStyle(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>, edition: 'screen' | 'print' = 'screen'): string {
  const { colors = {} } = manuscript.config.theme;
  const { faces, family } = themeFonts(manuscript);
  const rules = faces.map(
    (face) =>
      `@font-face{font-family:${cssString(face.family)};font-style:${face.style};font-weight:${face.weight};` +
      `src:url(${cssString(face.url)})${face.unicodeRange ? `;unicode-range:${face.unicodeRange}` : ''}}`,
  );
  const variables = [
    `--font-text:${cssString(family.text)},${cssString(family.arabic)},serif`,
    `--font-display:${cssString(family.display)},${cssString(family.arabic)},sans-serif`,
    // Code falls back on the text family, not the machine's monospace, for a character Source Code Pro lacks.
    `--font-mono:${cssString(family.mono)},${cssString(family.text)},${cssString(family.arabic)},monospace`,
    `--font-arabic:${cssString(family.arabic)}`,
    `--font-urdu:${cssString(family.urdu)}`,
    colors.primary && `--color-primary:${colors.primary}`,
    colors.accent && `--color-accent:${colors.accent}`,
    colors.accent && `--color-accent-text:${colors.accent}`,
    colors.text && `--color-text:${colors.text}`,
    ...placementVariables(),
  ].filter(Boolean);
  const page = pageRule(manuscript.config.page.size, edition === 'print' ? manuscript.config.page.bleed : 0);
  // The print edition opens the contents and each chapter on a right-hand page unless a short paper asks for `any`:
  // then pages.css's `break-before: page` stands, as in the screen edition (print.css says why not there).
  const opening = edition === 'print' && manuscript.config.page.chaptersOpen === 'right' ? '\nmain,.chapter:not([data-continues]),.contents{break-before:right}' : '';
  return `${rules.join('\n')}\n:root{${variables.join(';')}}\n${page}${opening}\n`;
}
