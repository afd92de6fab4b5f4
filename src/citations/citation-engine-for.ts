import type { Manuscript } from '../manuscript/manuscript.js';
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
  return createCitationEngine(manuscript.bibliography, items, style, readLocale(manuscript.config.language), manuscript.config.language);
}
