import type { Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Share a chapter file's notes out between the chapters it was split into at its `# Headings`, so that each chapter
 * carries the notes its own markers call: its chapter endnotes print at its end, not after the next chapter, and its
 * footnotes travel with it into a part of a long report that the browser lays out on its own. A note called from two
 * chapters stays with the first; a note no marker calls (the compile stage has already said so) stays where it was
 * always put, with the last chapter that calls a note.
 *
 * Numbers do not change: the file numbered its notes in the order their markers are met, so each chapter's share is
 * a run of consecutive numbers, and a chapter's endnotes list starts (`start`) at the number of its first note.
 * @param notes the file's notes: its chapter-endnotes list (`section[data-footnotes]`) or its footnote store
 * @param parts the file's chapters, in order, without the notes
 * @returns for each part, its share of the notes (a copy of the container holding only its notes), or nothing
 */
export function divideNotes(notes: Element, parts: readonly Element[]): (Element | undefined)[] {
  const called = parts.map(calledNotes);
  const owner = new Map<string, number>();
  called.forEach((ids, index) => {
    for (const id of ids) if (!owner.has(id)) owner.set(id, index);
  });
  const last = called.findLastIndex((ids) => ids.length > 0);
  const partOf = (id: string) => owner.get(id) ?? (last >= 0 ? last : parts.length - 1);
  const list = notes.children.find((node): node is Element => node.type === 'element' && node.tagName === 'ol');
  return parts.map((_part, index) => (list ? endnotesShare(notes, list, index, partOf) : storeShare(notes, index, partOf)));
}

/** A part's endnotes: the list's heading again, and its items, numbered on from where the file's list had them. */
function endnotesShare(section: Element, list: Element, part: number, partOf: (id: string) => number): Element | undefined {
  const items = list.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'li');
  const first = items.findIndex((item) => partOf(String(item.properties['id'])) === part);
  if (first < 0) return undefined;
  const own = items.filter((item) => partOf(String(item.properties['id'])) === part);
  const start = Number(list.properties['start'] ?? 1) + first;
  const ownList: Element = {
    ...list,
    properties: { ...list.properties, start: start > 1 ? start : undefined },
    children: [...own.flatMap((item): ElementContent[] => [{ type: 'text', value: '\n' }, item]), { type: 'text', value: '\n' }],
  };
  // The items themselves move (cross-references are filled in later through the chapter's tree); the heading is copied.
  return { ...section, properties: { ...section.properties }, children: section.children.map((node) => (node === list ? ownList : structuredClone(node))) };
}

/** A part's footnote store: the notes it calls, already numbered. */
function storeShare(store: Element, part: number, partOf: (id: string) => number): Element | undefined {
  const own = store.children.filter((node) => node.type === 'element' && partOf(String(node.properties['dataNoteId'] ?? node.properties['id'])) === part);
  return own.length > 0 ? { ...store, properties: { ...store.properties }, children: own } : undefined;
}

/** The notes a part's markers call, in order. */
function calledNotes(part: Element): string[] {
  const ids: string[] = [];
  visit(part, 'element', (node) => {
    if (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined) ids.push(String(node.properties['href'] ?? '').slice(1));
  });
  return ids;
}
