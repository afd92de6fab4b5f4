import { themeFonts } from '../document/theme-style.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import type { SvgFonts } from './embed-svg-fonts.js';

/**
 * The report's fonts as SVG text is set in them: its display family as the sans-serif, its text family as the
 * serif, its code family as the monospace.
 * @param manuscript the manuscript, for `theme.fonts`
 */
export function svgFontsFor(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>): SvgFonts {
  const { faces, family } = themeFonts(manuscript);
  return { families: { sans: family.display, serif: family.text, mono: family.mono }, faces };
}
