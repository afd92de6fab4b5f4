import type { Element, ElementContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Split each chapter file's `<section>` at every `# Heading` after its title, so that a heading the contents
 * lists as a chapter (`# References` before `:::bibliography` at the end of the last file, say) also opens a page
 * and sets its running head like any chapter. Run after the notes are placed: each file numbers its own notes.
 * The file's notes (the footnote store, or its chapter endnotes) go with the last part that calls one.
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
  const notes = section.children.filter(isNotes);
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
  const calling = parts.findLast((part) => callsNote(part)) ?? parts.at(-1);
  calling?.children.push(...notes);
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

function callsNote(part: Element): boolean {
  let found = false;
  visit(part, 'element', (child) => {
    if (child.tagName === 'a' && child.properties['dataFootnoteRef'] !== undefined) found = true;
  });
  return found;
}
