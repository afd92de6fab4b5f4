/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Let go of the copy of the document Paged.js keeps after laying it out (its source, every element again): the
 * pages are all that printing needs. (Paged.js reflows only while it is laying out, so nothing reads the source
 * afterwards.)
 */
export function forgetSource(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const chunker = (window as any).PagedPolyfill.chunker;
  chunker.source = null;
  for (const page of chunker.pages) page.layoutMethod = null;
  // Paged.js keeps the source in a <template> at the end of <body>, too.
  document.querySelector('body > template[data-ref="pagedjs-content"]')?.remove();
}
