import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { markerPattern } from './loss-marker.js';

/** A value read from the draft's first page, and how sure the import is of it. */
export interface Found {
  readonly value: string;
  /** `style`: a paragraph in Word's Title or Subtitle style; `guess`: a short paragraph that looks like one. */
  readonly from: 'style' | 'guess';
}

/** What the first page (everything before the first Heading 1) says about the report. */
export interface TitlePage {
  readonly title?: Found;
  readonly subtitle?: Found;
  readonly date?: Found;
}

const month = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const datePattern = new RegExp(`^(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s*[-–]?\\s*)*${month}(?:\\s*[-–]\\s*${month})?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s*)?\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})$`, 'i');

/**
 * Take the title page's paragraphs out of the converted draft: Title and Subtitle styles, a line that reads as a
 * date, and, when no paragraph is in the Title style, a short first line before the first chapter as a guess.
 * @param tree the converted draft (changed: the paragraphs taken are removed)
 */
export function takeTitlePage(tree: Root): TitlePage {
  const firstChapter = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'h1');
  if (firstChapter === -1 && !tree.children.some((node) => styled(node, 'title'))) return {};
  // Without a Heading 1 the first page ends with the line after the last Title or Subtitle paragraph.
  const lastStyled = tree.children.findLastIndex((node) => styled(node, 'title') || styled(node, 'subtitle'));
  const front = tree.children.slice(0, firstChapter === -1 ? lastStyled + 2 : firstChapter);
  const taken = new Set<RootContent>();
  const take = (node: RootContent | undefined, from: Found['from']): Found | undefined => {
    if (!node) return undefined;
    const value = toString(node).replace(markerPattern, '').replace(/\s+/g, ' ').trim();
    if (!value || hasMarker(node)) return undefined;
    taken.add(node);
    return { value, from };
  };
  const paragraphs = front.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');
  let title = take(paragraphs.find((node) => styled(node, 'title')), 'style');
  const subtitle = take(paragraphs.find((node) => styled(node, 'subtitle')), 'style');
  const date = take(paragraphs.find((node) => !taken.has(node) && datePattern.test(toString(node).trim())), 'guess');
  if (!title && firstChapter > 0) {
    const first = paragraphs.find((node) => !taken.has(node));
    const text = first ? toString(first).trim() : '';
    if (first && text.length <= 120 && !/[.:;]$/.test(text) && !first.children.some((child) => child.type === 'element' && child.tagName === 'img')) title = take(first, 'guess');
  }
  tree.children = tree.children.filter((node) => !taken.has(node));
  return { ...(title && { title }), ...(subtitle && { subtitle }), ...(date && { date }) };
}

function styled(node: RootContent, name: string): boolean {
  return node.type === 'element' && Array.isArray(node.properties['className']) && node.properties['className'].includes(name);
}

/** A paragraph that holds a loss marker stays in the text, so that the loss keeps its place. */
function hasMarker(node: RootContent): boolean {
  return new RegExp(markerPattern.source).test(toString(node));
}
