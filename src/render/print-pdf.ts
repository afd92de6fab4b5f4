import type { Page } from 'puppeteer-core';

/**
 * Print the paginated page to PDF: page size from the CSS, backgrounds, a tagged structure and bookmarks
 * from the headings.
 * @param page the paginated page
 * @param timeout milliseconds to allow
 */
export async function printPdf(page: Page, timeout: number): Promise<Uint8Array> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout });
}
