import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * In programme tables (`:::programme`), a row whose cells after the first are all empty becomes a session row:
 * one cell spanning the table.
 */
export default function rehypeProgramme() {
  return (tree: Root) => {
    visit(tree, 'element', (section) => {
      if (section.tagName !== 'section' || !hasClass(section, 'programme')) return;
      visit(section, 'element', (row) => {
        if (row.tagName !== 'tr') return;
        const cells = row.children.filter((child): child is Element => child.type === 'element');
        const [first, ...rest] = cells;
        if (!first || rest.length === 0 || rest.some((cell) => toString(cell).trim() !== '')) return;
        first.properties.colSpan = cells.length;
        row.children = [first];
        row.properties.className = ['session-row'];
      });
    });
  };
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}
