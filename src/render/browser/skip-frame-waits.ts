/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Let Paged.js lay out page after page without waiting for an animation frame in between.
 *
 * Paged.js queues the layout of each page on `requestAnimationFrame`, so every page costs a rendering frame of the
 * whole document on top of its own layout: at 160 pages that is 45% of the time. Headless, nobody watches those
 * frames; scheduling the next page as a microtask gives the same pages (every page's markup compared, 20 and 160
 * pages) in about half the time. Image loads and fonts are still awaited as before.
 */
export function skipFrameWaits(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const polyfill = (window as any).PagedPolyfill as { chunker: { q: { tick: (callback: () => void) => void } } };
  polyfill.chunker.q.tick = (callback) => queueMicrotask(callback);
}
