import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The attribute that marks elements made from Markdown, so raw HTML can be told apart after rehype-raw. */
export const markdownMarker = 'dataFolioMd';

/** Mark every element made from Markdown (and directives) before raw HTML is parsed into the tree. */
export default function rehypeMarkMarkdown() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      node.properties[markdownMarker] = '';
    });
  };
}
