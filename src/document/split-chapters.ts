import type { Element, ElementContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { divideNotes } from './divide-notes.js';

/**
 * Split each chapter file's `<section>` at every `# Heading` after its title, so that a heading the contents
 * lists as a chapter (`# References` before `:::bibliography` at the end of the last file, say) also opens a page
 * and sets its running head like any chapter. Run after the notes are placed: each file numbers its own notes,
 * and each part takes the notes its markers call (its share of the footnote store, or its own chapter endnotes).
 * @param sections the chapters' `<section>` elements, one a file
 * @returns the chapters' sections, several for a file with more than one title, numbered again in `data-chapter`
 */
export function splitChapters(sections: readonly Element[]): Element[] {
  const parts = sections.flatMap(splitSection);
  parts.forEach((part, index) => {
    part.properties['dataChapter'] = String(index + 1);
  });
  return parts;
}

function splitSection(section: Element): Element[] {
  const notes = section.children.filter((node): node is Element => isNotes(node));
  const blocks = section.children.filter((node) => !isNotes(node));
  const groups: ElementContent[][] = [[]];
  let titled = false;
  for (const node of blocks) {
    const title = node.type === 'element' && node.tagName === 'h1';
    if (title && titled) groups.push([]);
    groups.at(-1)?.push(node);
    if (node.type === 'element' && holdsTitle(node)) titled = true;
  }
  if (groups.length === 1) return [section];
  const parts = groups.map((children, index): Element => ({
    ...section,
    // A part after the first opens its own page: only the file's first part can run on from the chapter before.
    properties: index === 0 ? { ...section.properties } : { ...section.properties, dataContinues: undefined },
    children,
  }));
  for (const container of notes) {
    divideNotes(container, parts).forEach((share, index) => {
      if (share) parts[index]?.children.push(share);
    });
  }
  return parts;
}

/** remark-rehype's notes list (chapter endnotes) or the footnotes' hidden store, kept at a file's end. */
function isNotes(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  return node.properties['dataFootnotes'] !== undefined || (Array.isArray(node.properties['className']) && node.properties['className'].includes('footnote-store'));
}

/** Whether an element is or holds a chapter title (a `# Heading` inside a passage in another script, say). */
function holdsTitle(node: Element): boolean {
  let found = false;
  visit(node, 'element', (child) => {
    if (child.tagName !== 'h1') return undefined;
    found = true;
    return SKIP;
  });
  return found;
}
