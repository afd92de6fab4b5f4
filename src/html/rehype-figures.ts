import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { captionNoteMark } from '../markdown/remark-caption-notes.js';

/**
 * Make every image that stands alone in its paragraph a figure: `![alt](src "Caption")` becomes
 * `<figure class="figure"><img alt="alt"><figcaption>Caption</figcaption></figure>`. Numbers are added
 * when the whole document is assembled, so they run across chapters.
 */
export default function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const elements = node.children.filter((child) => child.type === 'element');
      // The image, then the markers of the notes its caption refers to (see remarkCaptionNotes).
      const markers = elements.slice(1);
      const onlyImage = elements[0]?.tagName === 'img' && markers.every(isNoteMarker);
      const noText = node.children.every((child) => child.type !== 'text' || child.value.trim() === '');
      if (!onlyImage || !noText) return;
      const img = elements[0] as Element;
      const caption = typeof img.properties.title === 'string' ? img.properties.title : undefined;
      delete img.properties.title;
      const pieces = (caption ?? '').split(captionNoteMark);
      const content = pieces.flatMap((piece, at) => [...(piece ? [piece] : []), ...(at < pieces.length - 1 && markers[at] ? [markers[at]] : [])]);
      const figure = h('figure', { className: ['figure'] }, [img, caption ? h('figcaption', content) : undefined]);
      figure.position = node.position;
      parent.children[index] = figure;
    });
  };
}

/** A note marker as remark-rehype makes it: `<sup><a data-footnote-ref>`. */
function isNoteMarker(node: Element): boolean {
  return node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined);
}
