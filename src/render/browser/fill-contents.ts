/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Write into each contents entry the number of the page its heading landed on (trusting the paginated DOM,
 * not `target-counter`, which can be off by one on this Chromium), and describe the pages for the caller.
 * @returns the pages with their numbers, names and the headings on them
 */
export function fillContents(): { pages: { number: number; classes: string[]; headings: string[] }[]; unresolved: string[] } {
  const unresolved: string[] = [];
  for (const slot of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const id = slot.dataset['target'] ?? '';
    const page = document.getElementById(id)?.closest<HTMLElement>('.pagedjs_page');
    if (page?.dataset['pageNumber']) slot.textContent = page.dataset['pageNumber'];
    else unresolved.push(id);
  }
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')].map((page) => ({
    number: Number(page.dataset['pageNumber']),
    classes: [...page.classList].filter((name) => /^pagedjs_[\w-]+_page$/.test(name)).map((name) => name.slice(8, -5)),
    headings: [...page.querySelectorAll('h1[id], h2[id], h3[id]')].map((heading) => heading.id),
  }));
  return { pages, unresolved };
}
