import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';

/**
 * Every note must be printed: a note no marker refers to (`[^b]: …` without `[^b]` in the text), or a second
 * definition of the same note, would be left out of the report without a word, and a note marker inside a note
 * has no page to stand on. Each is an error at its place.
 */
export default function remarkNoteDefinitions() {
  return (tree: Root, file: VFile) => {
    const referred = new Set<string>();
    visit(tree, 'footnoteReference', (node) => void referred.add(node.identifier));
    // Markdown keeps an image's description as plain text, so a marker written there is gone from the tree.
    const inDescription = new Map<string, Image>();
    visit(tree, 'image', (node) => {
      const source = String(file.value).slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      const description = /^!\[([\s\S]*)\]\(/.exec(source)?.[1] ?? '';
      for (const [, label] of description.matchAll(/\[\^([^\]\s]+)\]/g)) inDescription.set((label ?? '').toLowerCase(), node);
    });
    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
      const image = inDescription.get(node.identifier);
      if (defined.has(node.identifier)) {
        error(file, `The note [^${node.label ?? node.identifier}] is written twice; only the first would be printed. Give this one its own name, or merge the two.`, 'note-unused', node.position);
      } else if (!referred.has(node.identifier) && image) {
        error(file, `The note marker [^${node.label ?? node.identifier}] stands in the image's description, which is read aloud but never printed, so its note would not be printed either. Move it into the caption: ![description](${image.url} "Caption[^${node.label ?? node.identifier}]").`, 'note-unused', image.position);
      } else if (!referred.has(node.identifier)) {
        error(file, `The note [^${node.label ?? node.identifier}] is never referred to, so it would not be printed. Put [^${node.label ?? node.identifier}] in the text where the note belongs, or delete the note.`, 'note-unused', node.position);
      }
      defined.add(node.identifier);
      // Notes are numbered and placed from the text: a marker inside a note would print a number no note explains.
      visit(node, 'footnoteReference', (inner) => {
        error(file, `The note [^${node.label ?? node.identifier}] refers to another note, [^${inner.label ?? inner.identifier}]: a note cannot have notes of its own. Write that text into this note (in brackets, say), or refer to the other note from the main text.`, 'note-nested', inner.position);
      });
    });
  };
}
