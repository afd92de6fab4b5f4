/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Write into each contents entry the number of the page its heading landed on, trusting the paginated DOM rather
 * than `target-counter` (off by one on this Chromium, pagedjs#270).
 * @returns ids of entries whose heading is on no page
 */
export function fillContents(): string[] {
  const unresolved: string[] = [];
  for (const slot of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const id = slot.dataset['target'] ?? '';
    const page = document.getElementById(id)?.closest<HTMLElement>('.pagedjs_page');
    if (page?.dataset['pageNumber']) slot.textContent = page.dataset['pageNumber'];
    else unresolved.push(id);
  }
  return unresolved;
}
