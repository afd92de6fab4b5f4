import type { Manuscript } from '../manuscript/manuscript.js';
import { bundledFamilies, bundledFontFaces, type FontFace } from './bundled-fonts.js';
import { resolveConfigAsset } from './resolve-config-asset.js';

/**
 * The report's own stylesheet: `@font-face` rules for the bundled (or report.yaml's) fonts, and the theme's
 * colours and families as CSS custom properties that templates/report.css reads.
 * @param manuscript the manuscript, for `theme` in report.yaml
 */
export function themeStyle(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>): string {
  const { colors = {}, fonts = {} } = manuscript.config.theme;
  const faces: FontFace[] = bundledFontFaces();
  const family = { ...bundledFamilies } as Record<'text' | 'display', string>;
  for (const role of ['text', 'display'] as const) {
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
      const url = resolveConfigAsset(manuscript, ['theme', 'fonts', role, key], files[key]);
      if (url) faces.push({ family: family[role], weight, style, url });
    }
  }
  const rules = faces.map(
    (face) =>
      `@font-face{font-family:${JSON.stringify(face.family)};font-style:${face.style};font-weight:${face.weight};` +
      `src:url(${JSON.stringify(face.url)})${face.unicodeRange ? `;unicode-range:${face.unicodeRange}` : ''}}`,
  );
  const variables = [
    `--font-text:${JSON.stringify(family.text)},serif`,
    `--font-display:${JSON.stringify(family.display)},sans-serif`,
    colors.primary && `--color-primary:${colors.primary}`,
    colors.accent && `--color-accent:${colors.accent}`,
    colors.text && `--color-text:${colors.text}`,
  ].filter(Boolean);
  return `${rules.join('\n')}\n:root{${variables.join(';')}}\n`;
}
