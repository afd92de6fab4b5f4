import type { VFile } from 'vfile';
import type { Manuscript } from '../manuscript/manuscript.js';
import { error } from '../messages/emit.js';
import { createCitationEngine, type CitationEngine } from './citation-engine.js';
import { readCitationStyle, readLocale } from './citation-style.js';
import { type CslItem, loadBibliography } from './load-bibliography.js';

/**
 * The citation engine for a manuscript that names a bibliography: its works, its style, its language.
 * Problems with the file or the style become messages; there is no engine then.
 * @param manuscript the manuscript
 */
export async function citationEngineFor(manuscript: Manuscript): Promise<CitationEngine | undefined> {
  if (!manuscript.bibliography) return undefined;
  const items = loadBibliography(manuscript.bibliography);
  const style = await readCitationStyle(manuscript);
  if (manuscript.bibliography.messages.some((m) => m.fatal)) return undefined;
  // A style that cannot be used is an error on report.yaml already; the citations are still checked against the
  // works in the same run, so that an unknown key is not found only after the style is mended.
  if (!style) return keysOnly(manuscript.bibliography, items);
  // citeproc-js throws on styles it cannot run (a macro calling itself, a broken layout) and on data it cannot
  // format: the style and the works are the manuscript's, so that is an error at `citation-style`, said once.
  let reported = false;
  const fault = (cause: unknown) => {
    if (reported) return;
    reported = true;
    const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0]?.replace(/^citeproc-js error:\s*/i, '').slice(0, 200);
    error(manuscript.configFile, `\`citation-style\`: the citations cannot be formatted with this style (${reason}). Use one of the bundled styles, or correct the style file in a CSL editor.`, 'citation-style', manuscript.locate(['citation-style']));
  };
  try {
    return createCitationEngine(manuscript.bibliography, items, style, readLocale(manuscript.config.language), manuscript.config.language, fault);
  } catch (cause) {
    fault(cause);
    return keysOnly(manuscript.bibliography, items);
  }
}

/**
 * An engine that knows the works but formats nothing, for a report whose style could not be used (an error says
 * why, so no PDF is made): its citations are checked against the keys, and print empty.
 */
function keysOnly(file: VFile, items: readonly CslItem[]): CitationEngine {
  const cited = new Set<string>();
  return {
    file,
    keys: items.map((item) => item.id),
    note: false,
    cited,
    cite(list) {
      for (const item of list) cited.add(item.key);
      return [];
    },
    // Each cited work's entry, empty: the citations' links find their targets, and only the style is reported.
    bibliography: () => [...cited].map((key) => ({ key, content: [] })),
  };
}
