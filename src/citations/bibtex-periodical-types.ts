import type { BibtexEntry } from './bibtex-genres.js';
import type { CslItem } from './load-bibliography.js';

// BibLaTeX's subtypes of `@article` (as Zotero's Better BibTeX writes a newspaper or magazine article), in CSL.
const periodicals: Readonly<Record<string, string>> = { newspaper: 'article-newspaper', magazine: 'article-magazine' };

/**
 * Newspaper and magazine articles as CSL's own types. citation-js reads BibLaTeX's `@article` with
 * `entrysubtype = {newspaper}` as a journal article whose genre is "newspaper": APA then prints the year alone and a
 * stray "[Newspaper]", Chicago a "Newspaper." after the title. As `article-newspaper` or `article-magazine`, every
 * style prints the day and month such an article is cited by, and the subtype is no genre.
 * @param entries the .bib's entries
 * @param items the works citation-js made of them (changed in place, after the genres are set)
 */
export function setPeriodicalTypes(entries: readonly BibtexEntry[], items: CslItem[]): void {
  const byLabel = new Map(entries.map((entry) => [entry.label, entry]));
  for (const item of items as Record<string, unknown>[]) {
    const entry = byLabel.get(String(item['id']));
    const subtype = entry?.properties['entrysubtype'];
    if (!entry || entry.type.toLowerCase() !== 'article' || typeof subtype !== 'string') continue;
    const type = periodicals[subtype.trim().toLowerCase()];
    if (!type) continue;
    item['type'] = type;
    // The genre citation-js took from the subtype; one given in `type` stays.
    if (item['genre'] === subtype) delete item['genre'];
  }
}
