import type { AuthorEntry, ReportConfig } from './report-schema.js';

/**
 * The author for the PDF's metadata: `author:` as written, else the names in `authors:` joined.
 * @param config report.yaml
 */
export function reportAuthor(config: Pick<ReportConfig, 'author' | 'authors'>): string | undefined {
  return config.author ?? (config.authors?.length ? config.authors.map((entry) => authorParts(entry).name).join(', ') : undefined);
}

/**
 * One author's name, role and affiliation, whether written as a plain name or in full.
 * @param entry one item of `authors:`
 */
export function authorParts(entry: AuthorEntry): { name: string; role?: string | undefined; affiliation?: string | undefined } {
  return typeof entry === 'string' ? { name: entry } : entry;
}

/**
 * "Policy Paper No. 14": the series and the number in it, or whichever is given.
 * @param config report.yaml
 */
export function seriesLine(config: Pick<ReportConfig, 'series' | 'number'>): string | undefined {
  if (config.series && config.number) return `${config.series} No. ${config.number}`;
  return config.series ?? (config.number ? `No. ${config.number}` : undefined);
}
