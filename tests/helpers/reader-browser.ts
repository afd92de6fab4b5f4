import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser } from '../../src/render/find-browser.js';

/**
 * A Chromium as a reader runs it, to open `folio preview` over loopback: Folio's own renderer is cut off from
 * every network, loopback included, so it cannot stand in for the reader's browser.
 */
export function readerBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findBrowser(), headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
}
