import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

// Two numbers joined by an en dash or a hyphen: years (2010–13), pages (61–70), scores (3-1).
const range = /\d+[–-]\d+/g;

/**
 * Keep a range of numbers on one line: Chromium would break after its dash ("2010–" at a line end, "13" on the
 * next). Each range becomes a `<span class="range">` that does not wrap. A span rather than a word joiner
 * (U+2060), which Chromium keeps in the PDF's text, where it would spoil search and copy.
 */
export default function rehypeKeepRanges() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre' || node.tagName === 'code' || isRange(node)) return 'skip';
      node.children = node.children.flatMap((child): ElementContent[] => {
        if (child.type !== 'text' || !/\d[–-]\d/.test(child.value)) return [child];
        const pieces: ElementContent[] = [];
        let last = 0;
        for (const match of child.value.matchAll(range)) {
          if (match.index > last) pieces.push({ type: 'text', value: child.value.slice(last, match.index) });
          pieces.push({ type: 'element', tagName: 'span', properties: { className: ['range'] }, children: [{ type: 'text', value: match[0] }] });
          last = match.index + match[0].length;
        }
        if (last < child.value.length) pieces.push({ type: 'text', value: child.value.slice(last) });
        return pieces;
      });
      return undefined;
    });
  };
}

function isRange(node: Element): boolean {
  return node.tagName === 'span' && Array.isArray(node.properties.className) && node.properties.className.includes('range');
}
