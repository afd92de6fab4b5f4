/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Number the pages of one part of a split document as they are numbered in the whole: the part's first page is
 * page `first`, of `total`. The folios (`counter(page)`) and the pages' `data-page-number` both follow.
 * @param first the number of the part's first page in the whole document
 * @param total how many pages the whole document has
 * @returns how many pages the part has
 */
export function numberPages(first: number, total: number): number {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  // Paged.js counts pages with `counter-increment: page 1` on every page, from 0: start this part's count higher.
  pages[0]?.style.setProperty('counter-increment', `page ${first}`);
  document.querySelector<HTMLElement>('.pagedjs_pages')?.style.setProperty('--pagedjs-page-count', String(total));
  pages.forEach((page, index) => (page.dataset['pageNumber'] = String(first + index)));
  return pages.length;
}
