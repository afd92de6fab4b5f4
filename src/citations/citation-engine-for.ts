import type { Manuscript } from '../manuscript/manuscript.js';
import { error } from '../messages/emit.js';
import { createCitationEngine, type CitationEngine } from './citation-engine.js';
import { readCitationStyle, readLocale } from './citation-style.js';
import { loadBibliography } from './load-bibliography.js';

/**
 * The citation engine for a manuscript that names a bibliography: its works, its style, its language.
 * Problems with the file or the style become messages; there is no engine then.
 * @param manuscript the manuscript
 */
export async function citationEngineFor(manuscript: Manuscript): Promise<CitationEngine | undefined> {
  if (!manuscript.bibliography) return undefined;
  const items = loadBibliography(manuscript.bibliography);
  const style = await readCitationStyle(manuscript);
  if (!style || manuscript.bibliography.messages.some((m) => m.fatal)) return undefined;
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
    return undefined;
  }
}
