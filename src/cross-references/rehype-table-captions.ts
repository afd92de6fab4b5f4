import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warning } from '../messages/emit.js';

/**
 * Move each table caption (a `p.table-caption` made by remarkCrossReferences) into the table right before or after
 * it, or inside the box right before or after it (`:::table`, `:::landscape`), as `<caption>`, so it travels and
 * repeats with the table; a label becomes the table's id. A caption next to no table is reported at its line, and
 * its label kept as `data-unattached-label`, as for any label nothing took.
 */
export default function rehypeTableCaptions() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || node.tagName !== 'p' || !hasClass(node, 'table-caption')) return undefined;
      const siblings = parent.children;
      const table = [neighbour(siblings, index, -1), neighbour(siblings, index, 1)].map(tableIn).find((found) => found !== undefined);
      if (!table) {
        warning(file, 'This `Table:` caption stands next to no table, so it is printed as a paragraph and its table is not numbered: put it on the line right after the table (or right before it), or right after the `:::` that closes its `:::table` box.', 'table-caption', node.position);
        // Its label labels nothing: a reference to it is told to look here (see numberApparatus).
        const stray = node.properties['dataLabel'];
        delete node.properties['dataLabel'];
        if (typeof stray === 'string') node.properties['dataUnattachedLabel'] = stray;
        return undefined;
      }
      const label = node.properties['dataLabel'];
      if (typeof label === 'string') table.properties['id'] = label;
      table.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: node.children, ...(node.position ? { position: node.position } : {}) });
      table.position ??= node.position;
      siblings.splice(index, 1);
      return index;
    });
  };
}

function hasClass(node: Element, name: string): boolean {
  return Array.isArray(node.properties['className']) && node.properties['className'].includes(name);
}

// The nearest sibling that is not white space between blocks.
function neighbour(siblings: Root['children'], index: number, step: 1 | -1) {
  let at = index + step;
  while (siblings[at]?.type === 'text' && (siblings[at] as { value: string }).value.trim() === '') at += step;
  return siblings[at];
}

// A table without a caption, or the one table a box (a `div` holding nothing else) holds.
function tableIn(node: Root['children'][number] | ElementContent | undefined): Element | undefined {
  if (node?.type !== 'element') return undefined;
  if (node.tagName === 'table') return node.children.some((child) => child.type === 'element' && child.tagName === 'caption') ? undefined : node;
  if (node.tagName !== 'div') return undefined;
  const inside = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return inside.length === 1 ? tableIn(inside[0]) : undefined;
}
