/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Register the Paged.js handler that lays a landscape page out turned: the named page `landscape`
 * (templates/layout-controls.css) is as wide as the sheet is high, but Paged.js fixed the width of the page's
 * text column when it made the page, before it knew the page's name; measure it again once it does.
 */
export function registerLandscapePages(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;

  class LandscapePages extends Paged.Handler {
    beforePageLayout(page: { element: HTMLElement; area: HTMLElement; width: number; height: number }): void {
      if (!page.element.classList.contains('pagedjs_landscape_page')) return;
      const size = page.area.getBoundingClientRect();
      page.area.style.columnWidth = `${Math.round(size.width)}px`;
      page.width = Math.round(size.width);
      page.height = Math.round(size.height);
    }
  }

  Paged.registerHandlers(LandscapePages);
}
