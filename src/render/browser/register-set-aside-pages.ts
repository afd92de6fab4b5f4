/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/** What `registerSetAsidePages` keeps on the window: the pages it took out of the layout, and whether it still does. */
interface SetAside {
  active: boolean;
  pages: HTMLElement[];
}

/**
 * Register the handler that takes finished pages out of the layout while Paged.js lays out the rest; they come
 * back with `restoreSetAsidePages`, before anything reads or prints the pages.
 *
 * Every page Paged.js makes forces Chromium to lay the document out again, and that relayout walks every page box
 * already made: at 455 pages in one tab a page cost 30 ms at the start and 80 ms at the end. A page three back from
 * the one being made is finished (Paged.js and Folio's handlers measure only the page they are filling), so it is
 * hidden (`display: none`): the cost per page stays nearly flat, and the pages come out the same (docs/performance.md).
 * Its resize observer goes first: Paged.js would otherwise, on the next frame, read the page's new size as
 * content gone, and, once it is shown again, as overflow to cut away.
 */
export function registerSetAsidePages(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;
  /** The pages at the end that stay laid out: the one being made and the two before it. */
  const kept = 3;
  const state: SetAside = { active: true, pages: [] };
  (window as unknown as { folioSetAside: SetAside }).folioSetAside = state;

  class SetAsideFinishedPages extends Paged.Handler {
    afterPageLayout(_element: Element, _page: unknown, _token: unknown, chunker: { pages: { element: HTMLElement; removeListeners(): void }[] }): void {
      const finished = chunker.pages[chunker.pages.length - 1 - kept];
      if (!state.active || !finished || finished.element.style.display === 'none') return;
      finished.removeListeners();
      finished.element.style.display = 'none';
      state.pages.push(finished.element);
    }
  }

  Paged.registerHandlers(SetAsideFinishedPages);
}

/**
 * Put the pages `registerSetAsidePages` took out back into the layout, and take no more out (pages added later
 * stay). Resolves when their pictures are decoded again: a screenshot (the contact sheet) taken before that showed
 * some photos blank.
 */
export async function restoreSetAsidePages(): Promise<void> {
  const state = (window as unknown as { folioSetAside?: SetAside }).folioSetAside;
  if (!state) return;
  state.active = false;
  for (const page of state.pages) {
    page.style.removeProperty('display');
    if (page.getAttribute('style') === '') page.removeAttribute('style');
  }
  const pictures = state.pages.flatMap((page) => [...page.querySelectorAll('img')]);
  state.pages = [];
  await Promise.all(pictures.map((picture) => picture.decode().catch(() => undefined)));
}
