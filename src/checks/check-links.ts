import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { CompiledChapter } from '../document/assemble-document.js';
import { warning } from '../messages/emit.js';

/**
 * Warn about links to `#anchors` that nothing in the assembled report carries.
 * @param document the assembled report (ids given)
 * @param chapters its chapters, whose nodes it shares, for positions
 */
export function checkLinks(document: Root, chapters: readonly CompiledChapter[]): void {
  const ids = new Set<string>();
  visit(document, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  for (const { tree, file } of chapters) {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
      const id = decodeURIComponent(href.slice(1));
      if (!ids.has(id)) warning(file, `Link to #${id}, but no heading or note has that id. Link to a heading by its text in lower case with hyphens, such as #key-findings.`, 'link-anchor', node.position);
    });
  }
}
