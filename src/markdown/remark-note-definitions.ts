import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';

/**
 * Every note must be printed: a note no marker refers to (`[^b]: …` without `[^b]` in the text), or a second
 * definition of the same note, would be left out of the report without a word. Each is an error at its place.
 */
export default function remarkNoteDefinitions() {
  return (tree: Root, file: VFile) => {
    const referred = new Set<string>();
    visit(tree, 'footnoteReference', (node) => void referred.add(node.identifier));
    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
      if (defined.has(node.identifier)) {
        error(file, `The note [^${node.label ?? node.identifier}] is written twice; only the first would be printed. Give this one its own name, or merge the two.`, 'note-unused', node.position);
      } else if (!referred.has(node.identifier)) {
        error(file, `The note [^${node.label ?? node.identifier}] is never referred to, so it would not be printed. Put [^${node.label ?? node.identifier}] in the text where the note belongs, or delete the note.`, 'note-unused', node.position);
      }
      defined.add(node.identifier);
    });
  };
}
