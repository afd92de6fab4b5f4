import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { NoteSettings } from '../config/report-schema.js';

/** A chapter's notes as remark-rehype made them: the `<section data-footnotes>` and its items in order. */
interface ChapterNotes {
  readonly chapter: Element;
  readonly section: Element;
  readonly list: Element;
  readonly items: Element[];
}

/**
 * Number the notes of every chapter (again from 1 in each chapter, or through the report) and put them where
 * `report.yaml` asks. Numbers are written into the markers and notes, never left to CSS counters, which would
 * restart in each part of a report laid out in parts. For footnotes, each note becomes a `span.footnote` kept in
 * a hidden store at the chapter's end: in the browser, `registerFootnotes` moves it next to its marker (an HTML
 * parser would end the paragraph at the note's first `<p>`), and Paged.js takes it to the foot of the page.
 * @param chapters the chapters' `<section>` elements, changed in place
 * @param settings `notes` from report.yaml
 * @returns a closing "Notes" chapter for report endnotes, or nothing
 */
export function placeNotes(chapters: readonly Element[], settings: NoteSettings): Element | undefined {
  const all = chapters.flatMap((chapter) => {
    const notes = chapterNotes(chapter);
    return notes ? [notes] : [];
  });
  let offset = 0;
  for (const notes of all) {
    const numbers = new Map(notes.items.map((item, index) => [String(item.properties['id']), offset + index + 1]));
    numberMarkers(notes.chapter, numbers, settings.placement === 'footnotes');
    if (settings.placement === 'footnotes') {
      removeChild(notes.chapter, notes.section);
      const source = String(notes.chapter.properties['dataSource'] ?? '');
      notes.chapter.children.push(h('div.footnote-store', { hidden: true }, notes.items.map((item) => footnote(item, numbers, source))));
    } else {
      if (offset > 0) notes.list.properties['start'] = offset + 1;
      const source = String(notes.chapter.properties['dataSource'] ?? '');
      for (const item of notes.items) item.properties['dataNoteKey'] = noteKey(source, item);
    }
    if (settings.numbering === 'report') offset += notes.items.length;
  }
  if (settings.placement !== 'report-endnotes' || all.length === 0) return undefined;
  const title = all[0]?.section.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
  const groups = all.flatMap((notes) => {
    removeChild(notes.chapter, notes.section);
    const heading = notes.chapter.children.find((node): node is Element => node.type === 'element' && node.tagName === 'h1');
    const label = h('p.endnotes-chapter', heading ? toString(heading) : '');
    if (heading) groupTitles.set(label, heading);
    return [label, notes.list];
  });
  return h('section.chapter.endnotes', { dataSource: 'notes' }, [h('h1', title ? toString(title) : 'Notes'), ...groups]);
}

/** The chapter title each group of report endnotes is labelled with, to label it again once titles are numbered. */
const groupTitles = new WeakMap<Element, Element>();

/**
 * Label each group of report endnotes with its chapter's title as printed: numbers are put in the headings
 * (`numberApparatus`: "1 The Basin", "Annex A: Methods") after the notes are placed.
 * @param endnotes the closing "Notes" chapter `placeNotes` made, if any
 */
export function retitleNoteGroups(endnotes: Element | undefined): void {
  for (const node of endnotes?.children ?? []) {
    const heading = node.type === 'element' ? groupTitles.get(node) : undefined;
    if (node.type === 'element' && heading) node.children = [{ type: 'text', value: toString(heading) }];
  }
}

function chapterNotes(chapter: Element): ChapterNotes | undefined {
  const section = chapter.children.find((node): node is Element => node.type === 'element' && node.properties['dataFootnotes'] !== undefined);
  const list = section?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'ol');
  if (!section || !list) return undefined;
  // In the order the reader meets their markers: a table's caption is written after the table but printed above it.
  const first = new Map<string, number>();
  visit(chapter, 'element', (node) => {
    if (node === section) return SKIP;
    if (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined) {
      const id = String(node.properties['href'] ?? '').slice(1);
      if (!first.has(id)) first.set(id, first.size);
    }
    return undefined;
  });
  const rank = (item: Element) => first.get(String(item.properties['id'])) ?? Number.MAX_SAFE_INTEGER;
  const items = list.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'li').sort((a, b) => rank(a) - rank(b));
  list.children = [...items.flatMap((item): ElementContent[] => [{ type: 'text', value: '\n' }, item]), { type: 'text', value: '\n' }];
  return { chapter, section, list, items };
}

/** Write each marker's number, and mark its `<sup>` so the theme can keep the line's leading. */
function numberMarkers(chapter: Element, numbers: ReadonlyMap<string, number>, footnotes: boolean): void {
  visit(chapter, 'element', (node, _index, sup) => {
    if (node.tagName !== 'a' || node.properties['dataFootnoteRef'] === undefined) return;
    const number = numbers.get(String(node.properties['href'] ?? '').slice(1));
    if (number === undefined) return;
    node.children = [{ type: 'text', value: String(number) }];
    // A footnote describes its marker for screen readers; remark-rehype's "Notes" label is gone with the notes list.
    if (footnotes) node.properties['ariaDescribedBy'] = [String(node.properties['href']).slice(1)];
    if (sup?.type === 'element' && sup.tagName === 'sup') sup.properties['className'] = ['note-call'];
  });
}

/** A list item of the notes section as a footnote: its number first, without the link back to the marker. */
function footnote(item: Element, numbers: ReadonlyMap<string, number>, source: string): Element {
  const id = String(item.properties['id']);
  const content = withoutBackReferences(item.children);
  const number = h('span.footnote-number', String(numbers.get(id) ?? ''));
  const first = content.find((node): node is Element => node.type === 'element');
  if (first?.tagName === 'p') first.children.unshift(number, { type: 'text', value: ' ' });
  else content.unshift(number);
  return h('span.footnote', { id, dataNoteId: id, dataNoteKey: noteKey(source, item) }, content);
}

/** The note's chapter and line, by which the lost-text check names it. */
function noteKey(source: string, item: Element): string {
  return `${source}:${item.position?.start.line ?? '?'}`;
}

function withoutBackReferences(nodes: ElementContent[]): ElementContent[] {
  const kept = nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    if (node.properties['dataFootnoteBackref'] !== undefined) return [];
    const children = withoutBackReferences(node.children);
    // A paragraph that held only the back reference (after a list) goes with it.
    if (children.length === 0 && node.children.length > 0) return [];
    // The node itself, not a copy: cross-references are filled in later through the chapter's tree (a copy's stayed empty).
    node.children = children;
    return [node];
  });
  // Drop the spaces remark-rehype put around the back reference.
  while (kept.length > 0 && kept[kept.length - 1]?.type === 'text' && /^\s*$/.test((kept[kept.length - 1] as { value: string }).value)) kept.pop();
  const last = kept[kept.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return kept;
}

function removeChild(parent: Element, child: Element): void {
  parent.children = parent.children.filter((node) => node !== child);
}
