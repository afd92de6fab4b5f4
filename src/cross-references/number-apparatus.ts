import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { CompiledChapter } from '../document/assemble-document.js';
import { error } from '../messages/emit.js';
import { nearestLabel } from './nearest-label.js';

/** How report.yaml numbers things. */
export interface NumberingSettings {
  /** `chapter`: Figure 2.1, 2.2 …; `report`: Figure 1, 2 … through the report. */
  readonly by: 'report' | 'chapter';
  /** Print section numbers in headings (1, 1.1, …), and so in the contents, running heads and bookmarks. */
  readonly headings: boolean;
}

/** Something a reference can point at. */
export interface Target {
  readonly id: string;
  readonly kind: 'figure' | 'table' | 'chapter' | 'section';
  /** "3", "2.1"; empty for a chapter or section whose heading prints no number. */
  readonly number: string;
  /** Its caption or title, for the lists and for references to unnumbered headings. */
  readonly title: ElementContent[];
  /** What a reference calls it when not its kind's name: an annex's chapter is "Annex A", not "Chapter A". */
  readonly name?: string | undefined;
}

const names = { figure: 'Figure', table: 'Table', chapter: 'Chapter', section: 'Section' } as const;

/**
 * Number chapters, sections, figures and captioned tables, write the numbers into captions (and headings when
 * asked), and write each reference's text ("Figure 3", "Table 2.1", "Section 4.2"; a heading printed without a
 * number is referred to by its title in quotes, so no reference names a number the page lacks). A reference to a label no
 * figure, table or heading carries, and a label given twice, are errors at their place; when the label is typed at
 * the end of a paragraph that is no caption, the reference's message names that line instead of guessing.
 * @param chapters the compiled chapters, in order (their trees are the report's, already assembled)
 * @param settings how to number
 * @returns the figures and tables, in order, for the lists after the contents
 */
export function numberApparatus(chapters: readonly CompiledChapter[], settings: NumberingSettings): Target[] {
  const targets = new Map<string, Target>();
  const listed: Target[] = [];
  let chapterNumber = 0;
  let annexes = 0;
  const counts = { figure: 0, table: 0 };
  for (const { file, tree } of chapters) {
    unnumberBibliography(tree);
    const sections = [0, 0, 0, 0, 0, 0];
    let numbered = false;
    // An annex's letter (A, B …): its sections are A.1, A.2 …, and its figures and tables too, however the
    // chapters' are numbered, so the annexes' numbers never continue or repeat the chapters'.
    let letter: string | undefined;
    let name: string | undefined;
    if (settings.by === 'chapter') counts.figure = counts.table = 0;
    visitParents(tree, 'element', (node: Element, ancestors) => {
      // Headings inside boxes (takeaways, programmes) are not sections; figures in them are figures.
      const boxed = ancestors.some((a) => a.type === 'element' && a.tagName === 'aside');
      const level = boxed ? undefined : /^h([1-3])$/.exec(node.tagName)?.[1];
      const kind = level ? (level === '1' ? 'chapter' : 'section') : figureOrTable(node);
      if (!kind) return undefined;
      let number = '';
      if (kind === 'chapter' || kind === 'section') {
        const depth = Number(level);
        const unnumbered = node.properties['dataUnnumbered'] !== undefined || file.data['generated'] === true || (depth > 1 && !numbered);
        const annex = depth === 1 && !unnumbered && typeof node.properties['dataAnnex'] === 'string' ? node.properties['dataAnnex'] : undefined;
        if (depth === 1) {
          numbered = !unnumbered;
          letter = annex ? annexLetter(annexes++) : undefined;
          name = annex ? `${annex} ${letter}` : undefined;
          if (annex) counts.figure = counts.table = 0;
        }
        if (name && depth === 1) {
          // Lettered whether or not headings are numbered: marking the chapter an annex asks for it.
          number = letter ?? '';
          sections.fill(0);
          node.children.unshift(h('span.heading-number.annex-number', `${name}:`), { type: 'text', value: ' ' });
        } else if (!unnumbered) {
          if (depth === 1) chapterNumber += 1;
          sections[depth - 1] = (sections[depth - 1] ?? 0) + 1;
          sections.fill(0, depth);
          // Counted either way (figures by chapter need the chapter's number), but a reference prints only a
          // number the heading shows: without `headings: true` it prints the title in quotes.
          if (settings.headings) {
            number = [letter ?? chapterNumber, ...sections.slice(1, depth)].join('.');
            node.children.unshift(h('span.heading-number', number), { type: 'text', value: ' ' });
          }
        }
      } else {
        counts[kind] += 1;
        number = letter ? `${letter}.${counts[kind]}` : settings.by === 'chapter' && numbered ? `${chapterNumber}.${counts[kind]}` : String(counts[kind]);
        caption(node, kind, number);
      }
      const id = kind === 'figure' ? moveLabel(node) : typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined;
      if (kind === 'figure' || kind === 'table') node.properties['id'] = id ?? `${kind}-${listed.length + 1}`;
      const target: Target = { id: String(node.properties['id']), kind, number, title: titleOf(node, kind), name: kind === 'chapter' ? name : undefined };
      if (kind === 'figure' || kind === 'table') listed.push(target);
      if (!id) return undefined;
      // A table's label is written on its caption's line.
      const where = kind === 'table' ? (node.children.find((child) => child.type === 'element' && child.tagName === 'caption')?.position ?? node.position) : node.position;
      if (targets.has(id) && /^(fig|tbl|sec)-/.test(id)) error(file, `The label \`${id}\` is given twice: a reference could not tell which is meant. Rename one.`, 'label-duplicate', where);
      else targets.set(id, target);
      return undefined;
    });
  }
  const unattached = unattachedLabels(chapters);
  for (const { file, tree } of chapters) {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties['dataXref'];
      if (typeof id !== 'string') return;
      const target = targets.get(id);
      if (!target) {
        const stray = unattached.get(id);
        if (stray) {
          // The label is typed, but on something that is no caption: say where, rather than guess another label.
          error(file, `No figure, table or heading is labelled \`${id}\`: the \`{#${id}}\` at ${placeOf(stray, file)} is attached to nothing, because ${stray.caption ? 'its `Table:` caption stands next to no table' : `the paragraph it ends is no ${id.startsWith('tbl-') ? 'table caption' : id.startsWith('fig-') ? 'figure' : 'heading'}`}. Mend it there (the message at that line says how).`, 'label-unknown', node.position);
          delete node.properties['href'];
          return;
        }
        const near = nearestLabel(id, targets.keys());
        const suggestion = near ? ` Did you mean \`@${hasClass(node, 'xref-page') ? 'page-' : ''}${near}\`?` : '';
        error(file, `No figure, table or heading is labelled \`${id}\`.${suggestion} Label one with {#${id}}, or check the spelling.`, 'label-unknown', node.position);
        // Reported here; the link check need not say it again.
        delete node.properties['href'];
        return;
      }
      node.children = hasClass(node, 'xref-page') ? [{ type: 'text', value: 'page ' }, h('span.page-ref', { dataTarget: target.id }, '00')] : referenceText(target, node.properties['dataNumberOnly'] !== undefined);
    });
  }
  return listed;
}

/** Where a label nothing took was typed (see unattachedLabel): the chapter, and the paragraph's place in it. */
interface UnattachedLabel {
  readonly file: VFile;
  readonly line: number | undefined;
  /** A `Table:` caption next to no table, rather than a paragraph that is no caption. */
  readonly caption: boolean;
}

/** The labels typed at the end of paragraphs that are no caption, or on a caption next to no table, by label. */
function unattachedLabels(chapters: readonly CompiledChapter[]): Map<string, UnattachedLabel> {
  const found = new Map<string, UnattachedLabel>();
  for (const { file, tree } of chapters) {
    visit(tree, 'element', (node: Element) => {
      const label = node.properties['dataUnattachedLabel'];
      if (typeof label === 'string' && !found.has(label)) found.set(label, { file, line: node.position?.start.line, caption: hasClass(node, 'table-caption') });
    });
  }
  return found;
}

/** `line 29` in the same chapter, `03-chaman.md:29` in another. */
function placeOf(stray: UnattachedLabel, from: VFile): string {
  const line = stray.line === undefined ? '' : String(stray.line);
  if (stray.file === from) return line ? `line ${line}` : 'in this chapter';
  const name = stray.file.path ? path.relative(path.dirname(from.path || '.'), stray.file.path) : 'another chapter';
  return line ? `${name}:${line}` : name;
}

/**
 * The heading the bibliography stands under (`# References` before `:::bibliography`) is not numbered, as if
 * written with `{-}`: a list of works is no chapter or section of the argument.
 */
function unnumberBibliography(tree: Root): void {
  let heading: Element | undefined;
  visitParents(tree, 'element', (node: Element, ancestors) => {
    if (/^h[1-3]$/.test(node.tagName) && !ancestors.some((a) => a.type === 'element' && a.tagName === 'aside')) heading = node;
    else if (node.properties['dataBibliography'] !== undefined && heading) heading.properties['dataUnnumbered'] = '';
  });
}

function referenceText(target: Target, numberOnly: boolean): ElementContent[] {
  if (target.number === '') return [{ type: 'text', value: '“' }, ...structuredClone(target.title), { type: 'text', value: '”' }];
  if (numberOnly) return [{ type: 'text', value: target.number }];
  return [{ type: 'text', value: target.name?.replace(' ', '\u00A0') ?? `${names[target.kind]}\u00A0${target.number}` }];
}

/** A, B … Z, then AA, AB …: an annex's letter from its place among the annexes. */
function annexLetter(index: number): string {
  return (index >= 26 ? annexLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));
}

function figureOrTable(node: Element): 'figure' | 'table' | undefined {
  if (node.tagName === 'figure' && hasClass(node, 'figure')) return 'figure';
  if (node.tagName === 'table' && node.children.some((child) => child.type === 'element' && child.tagName === 'caption')) return 'table';
  return undefined;
}

function caption(node: Element, kind: 'figure' | 'table', number: string): void {
  const tag = kind === 'figure' ? 'figcaption' : 'caption';
  const label = h(`span.${kind}-number`, `${names[kind]} ${number}`);
  const existing = node.children.find((child): child is Element => child.type === 'element' && child.tagName === tag);
  if (existing) existing.children.unshift(label, { type: 'text', value: ' ' });
  else node.children.push(h(tag, [label]));
}

// A figure's label was put on its image (the only place Markdown has for it); the figure is the target.
function moveLabel(figure: Element): string | undefined {
  let label: string | undefined;
  visit(figure, 'element', (node: Element) => {
    if (typeof node.properties['dataLabel'] === 'string') label = node.properties['dataLabel'];
    delete node.properties['dataLabel'];
  });
  return label;
}

function titleOf(node: Element, kind: Target['kind']): ElementContent[] {
  const tag = kind === 'figure' ? 'figcaption' : kind === 'table' ? 'caption' : undefined;
  const holder = tag ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === tag) : node;
  // Without its number, and without note markers: a list of figures or a reference does not repeat them.
  const children = (holder?.children ?? []).filter((child) => !(child.type === 'element' && (hasClass(child, `${kind}-number`) || hasClass(child, 'heading-number') || hasClass(child, 'note-call'))));
  return [{ type: 'text', value: toString({ type: 'root', children } as Root).replaceAll('\u00AD', '').trim() }];
}

function hasClass(node: Element, name: string): boolean {
  return Array.isArray(node.properties['className']) && node.properties['className'].includes(name);
}
