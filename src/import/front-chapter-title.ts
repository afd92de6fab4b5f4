import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markerPattern } from './loss-marker.js';

/** The title found for the text before the draft's first Heading 1, and how. */
export interface FrontTitle {
  readonly title: string;
  /** `bold`: a short bold line that opened the text, typed as a heading by hand (taken out of the text); `words`: its first words. */
  readonly from: 'bold' | 'words';
}

/**
 * A title for the text before the first Heading 1 that no later heading has (the contents would list it twice):
 * the short bold line it opens with, taken out of the text, or else its first words.
 * @param children the text (changed: a bold line taken as the title is removed)
 * @param later the draft's other headings, lower-cased
 */
export function frontChapterTitle(children: RootContent[], later: ReadonlySet<string>): FrontTitle {
  const index = children.findIndex((node) => textOf(node));
  const first = children[index];
  const heading = first?.type === 'paragraph' && isBoldLine(first) ? textOf(first) : '';
  if (heading && !later.has(heading.toLowerCase())) {
    children.splice(index, 1);
    return { title: heading, from: 'bold' };
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

/** A paragraph of one short line all in bold, not ending like a sentence. */
function isBoldLine(node: Paragraph): boolean {
  const text = textOf(node);
  const content = node.children.filter((child) => !(child.type === 'text' && !child.value.replace(markerPattern, '').trim()));
  return text.length <= 80 && !/[.:;,]$/.test(text) && content.length > 0 && content.every((child) => child.type === 'strong');
}
