import type { Manuscript } from '../manuscript/manuscript.js';
import { warning } from '../messages/emit.js';

/** WCAG 2.2 AA: text needs 4.5:1 against its background (1.4.3). */
const minimum = 4.5;

/**
 * Warn when a theme colour set in report.yaml is too light to read as text on white: the theme sets headings,
 * labels and captions in each of them.
 * @param manuscript the manuscript, for report.yaml and its positions
 */
export function checkContrast(manuscript: Pick<Manuscript, 'config' | 'configFile' | 'locate'>): void {
  for (const [key, colour] of Object.entries(manuscript.config.theme.colors)) {
    if (typeof colour !== 'string') continue;
    const ratio = contrast(colour, '#ffffff');
    if (ratio >= minimum) continue;
    warning(manuscript.configFile, `The ${key} colour ${colour} is ${ratio.toFixed(2)}:1 on white; text in it needs ${minimum}:1 (WCAG 2.2 AA). Choose a darker shade.`, 'colour-contrast', manuscript.locate(['theme', 'colors', key]));
  }
}

/** The WCAG contrast ratio of two #rgb or #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG relative luminance. */
function luminance(colour: string): number {
  const hex = colour.length === 4 ? colour.replace(/[0-9a-f]/gi, (digit) => digit + digit) : colour;
  const [r, g, b] = [1, 3, 5].map((index) => {
    const value = Number.parseInt(hex.slice(index, index + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
