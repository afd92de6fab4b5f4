import type { PageSummary } from '../render/browser/inspect-layout.js';

/**
 * Which pages differ between two builds, by their fingerprints, as page numbers; pages added or removed count as
 * changed.
 * @param before the pages of the previous build
 * @param after the pages of this build
 */
export function changedPages(before: readonly PageSummary[], after: readonly PageSummary[]): number[] {
  const changed: number[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    if (before[index]?.fingerprint !== after[index]?.fingerprint) changed.push(index + 1);
  }
  return changed;
}

/** "pages 3, 4, 7–12" */
export function describePages(pages: readonly number[]): string {
  if (pages.length === 0) return 'no page';
  const runs: string[] = [];
  for (let index = 0; index < pages.length; ) {
    let end = index;
    while (end + 1 < pages.length && pages[end + 1] === (pages[end] ?? 0) + 1) end += 1;
    runs.push(end > index + 1 ? `${pages[index]}–${pages[end]}` : pages.slice(index, end + 1).join(', '));
    index = end + 1;
  }
  return `${pages.length === 1 ? 'page' : 'pages'} ${runs.join(', ')}`;
}
