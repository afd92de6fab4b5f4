import type { CslItem } from './load-bibliography.js';

/** An entry as citation-js reads it from a .bib file, before it maps it to CSL. */
export interface BibtexEntry {
  readonly type: string;
  readonly label: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

// BibLaTeX's keys for kinds of work (`type = {techreport}`), printed in words (its English strings).
const kinds: Readonly<Record<string, string>> = { techreport: 'technical report', resreport: 'research report', phdthesis: 'PhD thesis', mathesis: "Master's thesis", bathesis: "Bachelor's thesis", candthesis: 'Candidate thesis', software: 'computer software' };
// Entry types whose name says the kind of thesis, as BibTeX has no other way to: printed as if given in `type`.
const theses: Readonly<Record<string, string>> = { phdthesis: 'PhD thesis', mastersthesis: "Master's thesis" };

/**
 * The genre ("Working paper", "PhD thesis") of each work as the .bib gives it. citation-js passes the entry type
 * on as the genre (`@techreport` → `genre: techreport`), which styles print as "Techreport"; the genre comes from
 * the `type` field only (BibLaTeX's keys such as `techreport` in words), or from a thesis's entry type.
 * @param entries the .bib's entries
 * @param items the works citation-js made of them (changed in place, before anything else reads them)
 */
export function setGenres(entries: readonly BibtexEntry[], items: CslItem[]): void {
  const byLabel = new Map(entries.map((entry) => [entry.label, entry]));
  for (const item of items as Record<string, unknown>[]) {
    const entry = byLabel.get(String(item['id']));
    if (!entry) continue;
    const given = entry.properties['type'];
    if (typeof given === 'string' && given.trim() !== '') {
      item['genre'] = kinds[given.trim().toLowerCase()] ?? item['genre'];
      continue;
    }
    // BibLaTeX's `entrysubtype` is the other way a .bib names a genre (a newspaper or magazine article's is its type: bibtex-periodical-types.ts).
    if (entry.properties['entrysubtype'] !== undefined) continue;
    const thesis = theses[entry.type.toLowerCase()];
    if (thesis) item['genre'] = thesis;
    else delete item['genre'];
  }
}
