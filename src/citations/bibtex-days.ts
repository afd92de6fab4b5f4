import type { BibtexEntry } from './bibtex-genres.js';
import type { CslItem } from './load-bibliography.js';

/**
 * The day of a date given as BibTeX's `year`, `month` and `day`, when the month is a word (`month = {November}`,
 * as JabRef and hand-written files have it). citation-js keeps the day only beside a month in figures or a month
 * macro (`nov`), so a newspaper article would be dated by its month alone. BibLaTeX's `date` it reads in full.
 * @param entries the .bib's entries
 * @param items the works citation-js made of them (changed in place)
 */
export function setDays(entries: readonly BibtexEntry[], items: CslItem[]): void {
  const byLabel = new Map(entries.map((entry) => [entry.label, entry]));
  for (const item of items as Record<string, unknown>[]) {
    const properties = byLabel.get(String(item['id']))?.properties;
    if (!properties || properties['date'] !== undefined || typeof properties['day'] !== 'string') continue;
    const day = properties['day'].trim();
    if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31) continue;
    const parts = (item['issued'] as { 'date-parts'?: unknown } | undefined)?.['date-parts'];
    const first: unknown = Array.isArray(parts) ? parts[0] : undefined;
    // Only a year and month citation-js made of the month: the day is the one thing it left out.
    if (Array.isArray(first) && first.length === 2) first.push(Number(day));
  }
}
