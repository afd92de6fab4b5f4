import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { CompiledChapter } from '../document/assemble-document.js';
import { warning } from '../messages/emit.js';

/**
 * Warn about chapter and section titles used twice: the contents and bookmarks would show the same line twice.
 * (Their ids stay unique either way.)
 * @param chapters compiled chapters in order
 * @param depth deepest heading level the contents lists
 */
export function checkHeadings(chapters: readonly CompiledChapter[], depth: number): void {
  const first = new Map<string, string>();
  for (const { tree, file } of chapters) {
    visit(tree, 'element', (node) => {
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (!level || Number(level) > depth) return;
      const text = toString(node).replaceAll('\u00AD', '').trim();
      const key = text.toLowerCase();
      const where = `${file.basename ?? ''}:${node.position?.start.line ?? 1}`;
      const earlier = first.get(key);
      if (earlier) warning(file, `"${text}" is also the title at ${earlier}: the contents would list it twice. Give one of them a distinct title.`, 'heading-duplicate', node.position);
      else first.set(key, where);
    });
  }
}
