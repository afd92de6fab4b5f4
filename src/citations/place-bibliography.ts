import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { CompiledChapter } from '../document/assemble-document.js';
import { info } from '../messages/emit.js';
import type { CitationEngine } from './citation-engine.js';
import { entryLines } from './load-bibliography.js';

/**
 * Print the bibliography of the works cited where a chapter has `:::bibliography`, or else as a closing
 * "References" chapter; list the works never cited as information on the bibliography file.
 * @param chapters the compiled chapters, in order
 * @param engine the citation engine that formatted their citations
 * @param title the heading of a closing chapter
 * @returns the chapters, with the closing chapter when one was added
 */
export function placeBibliography(chapters: readonly CompiledChapter[], engine: CitationEngine, title = 'References'): CompiledChapter[] {
  const lines = entryLines(String(engine.file.value));
  for (const key of engine.keys.filter((k) => !engine.cited.has(k))) {
    info(engine.file, `\`${key}\` is never cited, so it is not printed in the bibliography.`, 'bibliography-uncited', lines.has(key) ? { line: lines.get(key) ?? 1, column: 1 } : undefined);
  }
  const list = h('div.bibliography', { dataBibliography: '' }, engine.bibliography().map(({ key, content }) => h('p.csl-entry', { id: `ref-${key}` }, content)));
  let placed = false;
  for (const { tree } of chapters) {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.properties['dataBibliography'] === undefined || !parent || index === undefined) return;
      parent.children[index] = placed ? h('div') : list;
      placed = true;
    });
  }
  if (placed || engine.cited.size === 0) return [...chapters];
  const tree: Root = { type: 'root', children: [h('h1', title), list] };
  return [...chapters, { file: new VFile({ path: 'references', data: { generated: true } }), tree }];
}
