/**
 * In the page, for the contact sheet: number every page by its place in the whole report (`data-proof-number`),
 * and for a booklet put the pages in the order of the printed sides, blank pages added as empty thumbnails.
 * Runs inside the browser: self-contained.
 * @param offset pages in the parts before this one
 * @param sides the booklet's sides, two page indices each (null for a blank page), or null for page order
 */
export function placeThumbnails(offset: number, sides: readonly (readonly (number | null | undefined)[])[] | null): void {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  pages.forEach((page, index) => page.setAttribute('data-proof-number', String(offset + index + 1)));
  const first = pages[0];
  if (!sides || !first?.parentElement) return;
  sides.flat().forEach((index, position) => {
    let page = index === null || index === undefined ? undefined : pages[index];
    if (!page) {
      page = document.createElement('div');
      page.className = 'pagedjs_page proof-blank';
      page.style.width = `${first.offsetWidth}px`;
      page.style.height = `${first.offsetHeight}px`;
      first.parentElement?.append(page);
    }
    page.style.order = String(position);
    page.classList.add(position % 2 === 0 ? 'proof-left' : 'proof-right');
  });
}
