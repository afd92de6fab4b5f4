import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * The property that marks elements made from Markdown, so raw HTML can be told apart after rehype-raw. Its name
 * holds a space: the HTML tokenizer ends an attribute name at a space, so no raw HTML can carry it, whatever it
 * types (the old `data-folio-md` could be written by hand, and raw HTML carrying it skipped the allow-list).
 */
export const markdownMarker = 'folio markdown';

/** Mark every element made from Markdown (and directives) before raw HTML is parsed into the tree. */
export default function rehypeMarkMarkdown() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      node.properties[markdownMarker] = '';
    });
  };
}
