/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Add a blank page at the end, exactly as Paged.js adds one before a chapter that must open on a right-hand page
 * (same calls, same hooks, so it gets the `:blank` page style): the next part of a split document starts there.
 */
export async function appendBlankPage(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const chunker = (window as any).PagedPolyfill.chunker;
  const page = chunker.addPage(true);
  await chunker.hooks.beforePageLayout.trigger(page, undefined, undefined, chunker);
  chunker.emit('page', page);
  await chunker.hooks.afterPageLayout.trigger(page.element, page, undefined, chunker);
  await chunker.hooks.finalizePage.trigger(page.element, page, undefined, chunker);
  chunker.emit('renderedPage', page);
  chunker.total = chunker.pages.length;
}
