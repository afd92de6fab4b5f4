import type { Page } from 'puppeteer-core';

/**
 * Print the paginated page to PDF: page size from the CSS, backgrounds, a tagged structure and bookmarks
 * from the headings.
 *
 * The tab takes on print media first, as printing would: Chromium then prints without switching the media
 * itself, which made it recompute every element's style several times over (four full recalculations of a
 * 228-page part, half a second each). Same pages: printing applies the same `@media print` rules either way.
 * @param page the paginated page
 * @param timeout milliseconds to allow
 */
export async function printPdf(page: Page, timeout: number): Promise<Uint8Array> {
  await page.emulateMediaType('print');
  return page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout });
}
