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
