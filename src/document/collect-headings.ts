import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** A heading the contents lists. */
export interface HeadingEntry {
  readonly id: string;
  readonly text: string;
  /** 1 for a chapter title, 2 for a section under it, … */
  readonly level: number;
  /** The heading's language and direction, when it is in a script of its own (an Urdu heading in an English report). */
  readonly lang?: string;
  readonly dir?: string;
}

/**
 * The headings of the chapters, in order, down to `depth`: what the contents and the bookmarks list.
 * Headings inside boxes (takeaways, programmes) are not sections and are left out.
 * @param tree the assembled document, after ids were given
 * @param depth deepest heading level to list
 */
export function collectHeadings(tree: Root, depth: number): HeadingEntry[] {
  const entries: HeadingEntry[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'aside' || node.tagName === 'figure') return SKIP;
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (!level || Number(level) > depth || typeof node.properties.id !== 'string') return undefined;
    const { lang, dir } = node.properties;
    const script = typeof lang === 'string' && typeof dir === 'string' ? { lang, dir } : {};
    entries.push({ id: node.properties.id, text: toString(node).replaceAll('\u00AD', '').trim(), level: Number(level), ...script });
    return SKIP;
  });
  return entries;
}
