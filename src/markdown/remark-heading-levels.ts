import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warning } from '../messages/emit.js';

/** Warn where a heading skips a level (a `###` right under a `#`): the contents and bookmarks lose their shape. */
export default function remarkHeadingLevels() {
  return (tree: Root, file: VFile) => {
    let previous = 0;
    visit(tree, 'heading', (node) => {
      if (previous > 0 && node.depth > previous + 1) {
        const marks = '#'.repeat(previous + 1);
        warning(file, `This heading skips a level (${'#'.repeat(node.depth)} after ${'#'.repeat(previous)}): use ${marks} here, or add the missing level above it.`, 'heading-skip', node.position);
      }
      previous = node.depth;
    });
  };
}
