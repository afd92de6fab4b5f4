import type { Root } from 'hast';
import { unicodeName } from 'unicode-name';
import { visit } from 'unist-util-visit';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { Manuscript } from '../manuscript/manuscript.js';
import { error } from '../messages/emit.js';

// Characters that print nothing of their own: spaces, joiners, soft hyphens, variation selectors.
const invisible = /[\s\u00AD\u200B-\u200F\u2060\uFE00-\uFE0F]/u;

/**
 * Stop on characters the report's fonts cannot show: Chromium would quietly print them in some other font
 * installed on the machine, or as a box, in every edition. Each character is reported once per file, with the others of its run.
 * @param tree the chapter's HTML tree
 * @param file the chapter
 * @param covered the characters the theme's fonts have
 */
export function checkCharacters(tree: Root, file: VFile, covered: ReadonlySet<number>): void {
  const seen = new Set<number>();
  const source = String(file.value);
  visit(tree, 'text', (node) => {
    const missing = missingCharacters(node.value, covered, seen);
    const first = missing[0];
    if (!first) return;
    const start = node.position?.start.offset;
    const at = start === undefined ? -1 : source.indexOf(first, start);
    error(file, missingMessage(missing), 'font-missing-glyph', at >= 0 ? location(file).toPoint(at) : node.position?.start);
  });
}

/**
 * The same check for the texts of report.yaml that the covers print (title, names, disclaimer, …).
 * @param manuscript the manuscript, for report.yaml and its positions
 * @param covered the characters the theme's fonts have
 */
export function checkConfigCharacters(manuscript: Pick<Manuscript, 'config' | 'configFile' | 'locate'>, covered: ReadonlySet<number>): void {
  const seen = new Set<number>();
  const texts = (value: unknown, path: (string | number)[]): [string, (string | number)[]][] =>
    typeof value === 'string' ? [[value, path]] : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => texts(inner, [...path, key])) : [];
  for (const [text, path] of texts(manuscript.config, [])) {
    if (path[0] === 'theme' || path[0] === 'logo' || path[0] === 'organisationLogo' || path[0] === 'cover') continue;
    const missing = missingCharacters(text, covered, seen);
    if (missing.length > 0) error(manuscript.configFile, missingMessage(missing), 'font-missing-glyph', manuscript.locate(path));
  }
}

/** Characters of `text` the fonts lack and that were not reported yet (they are added to `seen`). */
function missingCharacters(text: string, covered: ReadonlySet<number>, seen: Set<number>): string[] {
  const missing = [...new Set(text)].filter((character) => {
    const code = character.codePointAt(0) ?? 0;
    return !covered.has(code) && !seen.has(code) && !invisible.test(character);
  });
  for (const character of missing) seen.add(character.codePointAt(0) ?? 0);
  return missing;
}

function missingMessage(missing: readonly string[]): string {
  const listed = missing.slice(0, 6).map((character) => describe(character, character.codePointAt(0) ?? 0));
  const more = missing.length > 6 ? ` and ${missing.length - 6} more` : '';
  const what = missing.length === 1 ? `the character ${listed[0]}` : `these characters: ${listed.join(', ')}${more}`;
  return `The report's fonts have no glyph for ${what}. They would print in another font or as boxes, so the report is not built: use theme fonts that have them, or write them another way.`;
}

function describe(character: string, code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = unicodeName(character);
  return `"${character}" (${hex}${name ? ` ${name}` : ''})`;
}
