import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markerPattern } from './loss-marker.js';

/** The title found for the text before the draft's first Heading 1, and how. */
export interface FrontTitle {
  readonly title: string;
  /** `line`: a short line that opened the text, a heading typed by hand (taken out of the text); `words`: its first words. */
  readonly from: 'line' | 'words';
}

/**
 * A title for the text before the first Heading 1 that no later heading has (the contents would list it twice):
 * the short line it opens with (in bold, or not a sentence), taken out of the text, or else its first words.
 * @param children the text (changed: a bold line taken as the title is removed)
 * @param later the draft's other headings, lower-cased
 */
export function frontChapterTitle(children: RootContent[], later: ReadonlySet<string>): FrontTitle {
  const index = children.findIndex((node) => textOf(node));
  const first = children[index];
  const heading = first?.type === 'paragraph' && isHeadingLine(first) ? textOf(first) : '';
  if (heading && !later.has(heading.toLowerCase())) {
    children.splice(index, 1);
    return { title: heading, from: 'line' };
  }
  const words = children.map(textOf).find(Boolean)?.split(' ') ?? [];
  let title = '';
  for (const word of words) {
    if (title && (title.length + word.length > 50 || title.split(' ').length >= 6)) break;
    title = title ? `${title} ${word}` : word;
  }
  title = title.replace(/[\s,;:.–—-]+$/, '') || 'Opening';
  if (title.split(' ').length < words.length) title += '…';
  while (later.has(title.toLowerCase())) title += ' (opening)';
  return { title, from: 'words' };
}

function textOf(node: RootContent): string {
  return toString(node).replace(markerPattern, '').replace(/\s+/g, ' ').trim();
}

/** A paragraph of one short line that does not end like a sentence: all in bold, or of a few words. */
function isHeadingLine(node: Paragraph): boolean {
  const text = textOf(node);
  if (text.length > 80 || /[.:;,!?]$/.test(text)) return false;
  const content = node.children.filter((child) => !(child.type === 'text' && !child.value.replace(markerPattern, '').trim()));
  return (content.length > 0 && content.every((child) => child.type === 'strong')) || (text.length <= 60 && text.split(' ').length <= 8);
}
