import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Let web addresses written out in the text break after their slashes (a `<wbr>` after each `/` but the two of
 * `https://`), so that a long address wraps to the next line instead of running into the margin.
 */
export default function rehypeBreakUrls() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre' || node.tagName === 'code') return 'skip';
      node.children = node.children.flatMap((child): ElementContent[] => {
        if (child.type !== 'text' || !/(?:https?:\/\/|www\.)\S*\//.test(child.value)) return [child];
        const pieces = child.value.split(/(?<=[^/:]\/)(?=[^/\s])/);
        return pieces.flatMap((piece, index) => (index === 0 ? [{ type: 'text', value: piece }] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, { type: 'text', value: piece }]));
      });
      return undefined;
    });
  };
}
