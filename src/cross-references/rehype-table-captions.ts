import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Move each table caption (a `p.table-caption` next to a table, made by remarkCrossReferences) into its table
 * as `<caption>`, so it travels and repeats with the table; a label becomes the table's id.
 */
export default function rehypeTableCaptions() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined || node.tagName !== 'p' || !hasClass(node, 'table-caption')) return undefined;
      const siblings = parent.children;
      const table = [neighbour(siblings, index, -1), neighbour(siblings, index, 1)].find((n): n is Element => n?.type === 'element' && n.tagName === 'table');
      if (!table) return undefined;
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
