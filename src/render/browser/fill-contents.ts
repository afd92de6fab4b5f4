/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Write into each contents entry (and each `@page:` reference) the number of the page its target landed on, trusting the paginated DOM rather
 * than `target-counter` (off by one on this Chromium, pagedjs#270).
 * @param elsewhere page numbers of headings laid out in other parts of a split document
 * @returns ids of entries whose heading is on no page
 */
export function fillContents(elsewhere: Record<string, number> = {}): string[] {
  const unresolved: string[] = [];
  for (const slot of document.querySelectorAll<HTMLElement>('.toc-page[data-target], .page-ref[data-target]')) {
    const id = slot.dataset['target'] ?? '';
    const number = document.getElementById(id)?.closest<HTMLElement>('.pagedjs_page')?.dataset['pageNumber'] ?? elsewhere[id];
    if (number !== undefined) slot.textContent = String(number);
    else unresolved.push(id);
  }
  return unresolved;
}

/** Ids of contents entries whose heading is not in this document (laid out in another part). */
export function contentsTargetsElsewhere(): string[] {
  return [...document.querySelectorAll<HTMLElement>('.toc-page[data-target], .page-ref[data-target]')].map((slot) => slot.dataset['target'] ?? '').filter((id) => !document.getElementById(id));
}
