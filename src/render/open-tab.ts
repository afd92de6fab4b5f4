import type { Browser, Page } from 'puppeteer-core';

/**
 * A new tab in a browser context of its own, so that it gets a renderer process of its own (see `paginate`).
 * Opened ahead of time (while `folio watch` waits for a save), it spares the layout the half second a context and
 * its process take to start.
 * @param browser a running browser
 */
export async function openTab(browser: Browser): Promise<Page> {
  const context = await browser.createBrowserContext();
  return context.newPage();
}
