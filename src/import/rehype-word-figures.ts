import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { markerPattern } from './loss-marker.js';

/** Word's own caption numbers ("Figure 3: ") go: Folio numbers figures itself. */
const captionNumber = /^\s*(?:figure|fig\.?|photo|picture|image|illustration)\s*[\d.\-–]*\s*[:.–—-]?\s*/i;

/**
 * Make a picture followed by a Word "Caption" paragraph (`p.caption`) one Folio figure: the caption becomes the
 * image's title. A picture mammoth could not extract (no source) leaves its loss marker in its place.
 */
export default function rehypeWordFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'img' && !node.properties['src'] && parent && index !== undefined) {
        parent.children.splice(index, 1, { type: 'text', value: String(node.properties['alt'] ?? '') });
        return SKIP;
      }
      if (node.tagName !== 'p' || !parent || index === undefined || !hasClass(node, 'caption')) return;
      const before = previousElement(parent.children, index);
      const image = before && soleImage(before);
      if (image) {
        image.properties['title'] = toString(node).replace(captionNumber, '').trim();
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      node.properties['className'] = [];
      return undefined;
    });
  };
}

function hasClass(node: Element, name: string): boolean {
  return Array.isArray(node.properties['className']) && node.properties['className'].includes(name);
}

function previousElement(siblings: ElementContent[] | Root['children'], index: number): Element | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const sibling = siblings[at];
    if (sibling?.type === 'element') return sibling;
    if (sibling?.type === 'text' && sibling.value.trim()) return undefined;
  }
  return undefined;
}

/** The image of a paragraph that holds nothing else but whitespace (and loss markers, which go later). */
function soleImage(paragraph: Element): Element | undefined {
  if (paragraph.tagName !== 'p') return undefined;
  const content = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.replace(markerPattern, '').trim()));
  const only = content[0];
  return content.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined;
}
