import { stat } from 'node:fs/promises';

/**
 * The date a build stamps into the PDF: SOURCE_DATE_EPOCH when set (reproducible builds), else the report's
 * `published` date, else none. Never the clock, so unchanged input gives the same file.
 * @param published report.yaml's `published` (YYYY-MM-DD)
 */
export function documentDate(published: string | undefined, env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (published) return new Date(`${published}T00:00:00Z`);
  return undefined;
}

/**
 * The date of a print edition, which PDF/X requires: the document date when there is one, else the time the
 * newest manuscript file was last changed (still not the clock: an unchanged manuscript keeps its date).
 * @param published report.yaml's `published`
 * @param files the manuscript's files
 */
export async function pressDate(published: string | undefined, files: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Date> {
  const known = documentDate(published, env);
  if (known) return known;
  const times = await Promise.all(files.map(async (file) => (await stat(file)).mtimeMs));
  return new Date(Math.floor(Math.max(0, ...times) / 1000) * 1000);
}
