import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';
import { nearestName } from '../messages/nearest-name.js';

/** A note marker as typed: `[^label]`, unless its bracket is escaped (`\[^label]` is meant as text). */
const marker = /(?<!\\)\[\^([^\]\s]+)\]/g;

/**
 * Every note marker must have its note: remark-gfm leaves a marker with no `[^x]: …` as plain text, which would
 * print as typed. Each such marker in the text (not in code, which is printed as typed on purpose) or in a
 * figure's caption is an error at its place, naming the closest note the chapter defines when it is near.
 */
export default function remarkNoteReferences() {
  return (tree: Root, file: VFile) => {
    const labels = new Map<string, string>();
    visit(tree, 'footnoteDefinition', (node) => void labels.set(node.identifier, node.label ?? node.identifier));
    const source = String(file.value);
    const place = location(file);
    const report = (label: string, offset: number | undefined) => {
      if (labels.has(label.toLowerCase())) return;
      const near = nearestName(label, labels.values(), (name) => name.toLowerCase());
      const hint = near ? `did you mean \`[^${near}]\`? If not, add` : 'add';
      error(file, `Note \`${label}\` has no text: ${hint} a line \`[^${label}]: …\` or remove the marker.`, 'note-missing', offset === undefined ? undefined : place.toPoint(offset));
    };
    visit(tree, 'text', (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (!node.value.includes('[^') || start === undefined || end === undefined) return;
      // Read the source, not the value: escapes are gone from the value, and the offsets are the source's.
      for (const found of source.slice(start, end).matchAll(marker)) report(found[1] ?? '', start + found.index);
    });
    // remarkCaptionNotes has already turned the markers of defined notes in a title into notes; any left have none.
    visit(tree, 'image', (node) => {
      for (const found of (node.title ?? '').matchAll(marker)) report(found[1] ?? '', node.position?.start.offset);
    });
  };
}
