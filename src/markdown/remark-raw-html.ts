import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warning } from '../messages/emit.js';

/** Report raw HTML in a chapter: it is left out of the report, so the author learns where and why. */
export default function remarkRawHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
      const snippet = node.value.trim().replace(/\s+/g, ' ').slice(0, 40);
      warning(file, `HTML is not part of the manuscript format and is left out: \`${snippet}\`. Write it in Markdown instead.`, 'raw-html', node.position);
    });
  };
}
