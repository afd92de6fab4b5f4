import type { Root } from 'hast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warning } from '../messages/emit.js';

// Characters that print nothing of their own: spaces, joiners, soft hyphens, variation selectors.
const invisible = /[\s\u00AD\u200B-\u200F\u2060\uFE00-\uFE0F]/u;

/**
 * Warn about characters the report's fonts cannot show: Chromium would quietly print them in some other font
 * installed on the machine, or as a box. Each character is reported once per file, with the others of its run.
 * @param tree the chapter's HTML tree
 * @param file the chapter
 * @param covered the characters the theme's fonts have
 */
export function checkCharacters(tree: Root, file: VFile, covered: ReadonlySet<number>): void {
  const seen = new Set<number>();
  const source = String(file.value);
  visit(tree, 'text', (node) => {
    const missing = [...new Set(node.value)].filter((character) => {
      const code = character.codePointAt(0) ?? 0;
      return !covered.has(code) && !seen.has(code) && !invisible.test(character);
    });
    if (missing.length === 0) return;
    for (const character of missing) seen.add(character.codePointAt(0) ?? 0);
    const first = missing[0] as string;
    const start = node.position?.start.offset;
    const at = start === undefined ? -1 : source.indexOf(first, start);
    const place = at >= 0 ? pointAt(source, at) : node.position?.start;
    const listed = missing.slice(0, 6).map((character) => describe(character, character.codePointAt(0) ?? 0));
    const more = missing.length > 6 ? ` and ${missing.length - 6} more` : '';
    const what = missing.length === 1 ? `the character ${listed[0]}` : `these characters: ${listed.join(', ')}${more}`;
    warning(file, `The report's fonts have no glyph for ${what}. They would print in another font or as boxes: use theme fonts that have them, or write them another way.`, 'font-missing-glyph', place);
  });
}

function describe(character: string, code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const script = ['Arabic', 'Hebrew', 'Cyrillic', 'Greek', 'Devanagari', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Bengali', 'Tamil'].find((name) =>
    new RegExp(`\\p{Script=${name}}`, 'u').test(character),
  );
  const kind = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(character) ? ', emoji' : script ? `, ${script} script` : '';
  return `"${character}" (${hex}${kind})`;
}

function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}
