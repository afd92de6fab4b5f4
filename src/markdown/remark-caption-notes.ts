import type { FootnoteReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Where a note marker stood in a figure's caption: rehypeFigures puts the marker back there. */
export const captionNoteMark = '\uE010';

/**
 * Note markers in a figure's caption: Markdown keeps an image's title (`![alt](src "Caption[^n]")`) as plain text,
 * so `[^n]` there would print as typed and its note would count as unused. Each marker whose note the chapter
 * defines becomes a real note reference right after the image (numbered where it stands, like any other), and a
 * mark in the title keeps its place for rehypeFigures.
 */
export default function remarkCaptionNotes() {
  return (tree: Root) => {
    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => void defined.add(node.identifier));
    if (defined.size === 0) return;
    visit(tree, 'image', (node, index, parent) => {
      if (!node.title || !parent || index === undefined) return;
      const references: FootnoteReference[] = [];
      node.title = node.title.replace(/\[\^([^\]\s]+)\]/g, (marker, label: string) => {
        const identifier = label.toLowerCase();
        if (!defined.has(identifier)) return marker;
        references.push({ type: 'footnoteReference', identifier, label, position: node.position });
        return captionNoteMark;
      });
      // At the paragraph's end, after the image's `{#fig-label}`, which remarkCrossReferences reads next to it.
      parent.children.push(...references);
    });
  };
}
