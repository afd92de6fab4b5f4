import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warning } from '../messages/emit.js';

/**
 * A title is printed only where it is a caption (an image alone in its paragraph, a gallery photo). A link's title
 * (`[text](https://… "Title")`) or an image's inside a sentence would be left out of the report without a word:
 * warn at its place, and remove it. Run after the figures and galleries took theirs.
 */
export default function rehypeUnprintedTitles() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node) => {
      const title = node.properties.title;
      if (title === undefined || title === null) return;
      delete node.properties.title;
      if (typeof title !== 'string' || title.trim() === '') return;
      const where = node.tagName === 'img' ? 'An image inside a sentence' : 'A link';
      const what = node.tagName === 'img' ? 'give the image a paragraph of its own to make it a captioned figure, or write the words in the text' : 'write the words in the text if the reader needs them';
      warning(file, `${where} has the title "${title.length > 60 ? `${title.slice(0, 60)}…` : title}", which is never printed: ${what}.`, 'title-unprinted', node.position);
    });
  };
}
