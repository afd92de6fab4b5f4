import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { markerPattern } from './loss-marker.js';
import { readTitleLine } from './read-title-line.js';

/** A value read from the draft's first page, and how sure the import is of it. */
export interface Found {
  readonly value: string;
  /** `style`: a paragraph in Word's Title or Subtitle style; `guess`: a paragraph that looks like one. */
  readonly from: 'style' | 'guess';
  /** The whole line it was read from, when that held more than the value (`Issue Brief draft, February 2025`). */
  readonly line?: string;
  /** What the line held that has no place in report.yaml (`draft`), left out. */
  readonly leftOut?: string;
  /** The title was typed in bold, not in the Title style. */
  readonly bold?: boolean;
}

/** What the first page (everything before the first Heading 1) says about the report. */
export interface TitlePage {
  readonly title?: Found;
  readonly subtitle?: Found;
  readonly date?: Found;
  readonly series?: Found;
  readonly number?: Found;
  /** The names of a byline, and the line. */
  readonly authors?: { readonly names: readonly string[]; readonly line: string };
}

/**
 * Take the title page's paragraphs out of the converted draft: Title and Subtitle styles, lines made of a date, a
 * series and its number or a byline, and, when no paragraph is in the Title style, a short first line before the first
 * chapter as a guess (when the draft's properties name another title, only a line typed in bold).
 * @param tree the converted draft (changed: the paragraphs taken are removed)
 * @param knownTitle the title in the draft's File › Properties
 */
export function takeTitlePage(tree: Root, knownTitle?: string): TitlePage {
  const firstChapter = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'h1');
  if (firstChapter === -1 && !tree.children.some((node) => styled(node, 'title'))) return {};
  // Without a Heading 1 the first page ends with the line after the last Title or Subtitle paragraph.
  const lastStyled = tree.children.findLastIndex((node) => styled(node, 'title') || styled(node, 'subtitle'));
  const front = tree.children.slice(0, firstChapter === -1 ? lastStyled + 2 : firstChapter);
  const taken = new Set<RootContent>();
  const take = (node: RootContent | undefined, from: Found['from']): Found | undefined => {
    if (!node) return undefined;
    const value = textOf(node);
    if (!value || hasMarker(node)) return undefined;
    taken.add(node);
    return { value, from };
  };
  const paragraphs = front.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');
  let title = take(paragraphs.find((node) => styled(node, 'title')), 'style');
  const subtitle = take(paragraphs.find((node) => styled(node, 'subtitle')), 'style');
  const lines: Pick<TitlePage, 'date' | 'series' | 'number' | 'authors'> = {};
  for (const node of paragraphs) {
    const line = taken.has(node) || hasMarker(node) ? undefined : readTitleLine(textOf(node));
    if (!line || (line.date && lines.date) || (line.series && lines.series) || (line.authors && lines.authors)) continue;
    taken.add(node);
    const found = (value: string): Found => ({ value, from: 'guess', ...(textOf(node) !== value && { line: textOf(node) }), ...(line.leftOut && { leftOut: line.leftOut }) });
    Object.assign(lines, line.date && { date: found(line.date) }, line.series && { series: found(line.series) }, line.number && { number: found(line.number) }, line.authors && { authors: { names: line.authors, line: textOf(node) } });
  }
  if (!title && firstChapter > 0) {
    const first = paragraphs.find((node) => !taken.has(node));
    const text = first ? textOf(first) : '';
    const bold = first ? isBold(first) : false;
    const fits = first && text.length <= 120 && !/[.:;]$/.test(text) && !first.children.some((child) => child.type === 'element' && child.tagName === 'img');
    // A plain first line that differs from the title in the properties is more likely text than the title.
    if (fits && !sectionName.test(text) && (bold || !knownTitle || same(text, knownTitle))) {
      const found = take(first, 'guess');
      if (found) title = { ...found, ...(bold && { bold }) };
    }
  }
  tree.children = tree.children.filter((node) => !taken.has(node));
  return { ...(title && { title }), ...(subtitle && { subtitle }), ...lines };
}

// The names of a report's opening sections: a bold line such as these is a heading typed by hand, not the title.
const sectionName = /^(?:executive summary|summary|abstract|foreword|preface|acknowledge?ments|key (?:messages|findings|points)|introduction|overview|background)$/i;

function textOf(node: RootContent): string {
  return toString(node).replace(markerPattern, '').replace(/\s+/g, ' ').trim();
}

function same(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A paragraph whose text is all in bold (mammoth writes Word's bold as `<strong>`). */
function isBold(node: Element): boolean {
  const text = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return text.length > 0 && text.every((child) => child.type === 'element' && (child.tagName === 'strong' || child.tagName === 'b'));
}

function styled(node: RootContent, name: string): boolean {
  return node.type === 'element' && Array.isArray(node.properties['className']) && node.properties['className'].includes(name);
}

/** A paragraph that holds a loss marker stays in the text, so that the loss keeps its place. */
function hasMarker(node: RootContent): boolean {
  return new RegExp(markerPattern.source).test(toString(node));
}
