import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';
import { limitDepth } from './limit-depth.js';
import { limits } from './limits.js';

/**
 * Hold a chapter's tree to Folio's limits before anything else walks it: nesting depth (emphasis and links
 * included, which the line check before parsing cannot see) and table columns. Each is an error at its position.
 */
export default function remarkLimits() {
  return (tree: Root, file: VFile) => {
    if (!limitDepth(tree, file)) return;
    visit(tree, 'table', (node) => {
      const columns = Math.max(...node.children.map((row) => row.children.length));
      if (columns > limits.tableColumns) {
        error(file, `This table has ${columns} columns; a page holds at most ${limits.tableColumns}. Split it into two tables, or turn rows into columns.`, 'too-large', node.position);
      }
    });
  };
}
