import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Loss } from './loss-marker.js';
import { recordLoss } from './record-loss.js';

/** Options for {@link rehypeWordTables}. */
export interface Options {
  /** The import's losses: a table that cannot be a plain GFM table adds a note. */
  readonly losses: Loss[];
}

/**
 * Shape Word tables for GFM: the first row becomes the header row (Word rarely marks one), cells holding several
 * paragraphs or a list keep them as lines (`<br>`), and a table with merged cells or blocks in its cells gets a
 * note in the import report, since GFM has no merged cells.
 * @param options where notes go
 */
export default function rehypeWordTables(options: Options) {
  return (tree: Root) => {
    visit(tree, 'element', (table, index, parent) => {
      if (table.tagName !== 'table') return;
      const rows = rowsOf(table);
      const first = rows[0];
      if (first && !rows.some((row) => row.children.some((cell) => cell.type === 'element' && cell.tagName === 'th'))) {
        for (const cell of first.children) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
      }
      const problems = new Set<string>();
      for (const row of rows) {
        for (const cell of row.children) {
          if (cell.type !== 'element') continue;
          if (Number(cell.properties['colSpan'] ?? 1) > 1 || Number(cell.properties['rowSpan'] ?? 1) > 1) problems.add('merged cells (the text of a merged cell is in its first cell, the cells it covered are empty)');
          if (cell.children.some((child) => child.type === 'element' && child.tagName === 'table')) problems.add('a table inside a cell (its text was kept as plain text)');
          const blocks = cell.children.filter((child): child is Element => child.type === 'element' && ['p', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(child.tagName));
          if (blocks.length > 1 || blocks.some((block) => block.tagName !== 'p')) {
            problems.add('cells with several paragraphs or a list (kept as lines in the cell)');
            cell.children = asLines(blocks);
          }
        }
      }
      if (problems.size === 0 || !first) return;
      const note = recordLoss(options.losses, 'import-table', `A table has ${[...problems].join(', and ')}: GFM tables hold one line of text per cell, so check it against the draft.`);
      // A paragraph of nothing but the marker goes when the markers are placed, and names the table's first line.
      parent?.children.splice(index ?? 0, 0, h('p', note));
      return index === undefined ? undefined : index + 2;
    });
  };
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  visit(table, 'element', (node) => {
    if (node.tagName === 'tr') rows.push(node);
  });
  return rows;
}

/** A cell's paragraphs and list items as lines separated by line breaks. */
function asLines(blocks: Element[]): ElementContent[] {
  const lines: ElementContent[][] = [];
  for (const block of blocks) {
    if (block.tagName === 'ul' || block.tagName === 'ol') {
      let number = 0;
      for (const item of block.children) {
        if (item.type !== 'element' || item.tagName !== 'li') continue;
        number += 1;
        const content = item.children.flatMap((child) => (child.type === 'element' && child.tagName === 'p' ? child.children : [child]));
        lines.push([{ type: 'text', value: block.tagName === 'ol' ? `${number}. ` : '• ' }, ...content]);
      }
    } else lines.push(block.children);
  }
  return lines.flatMap((line, index) => (index === 0 ? line : [h('br'), ...line]));
}
