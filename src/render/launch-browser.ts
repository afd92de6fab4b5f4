import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser } from './find-browser.js';

// Without the networking flags Chromium keeps dialling Google's services, which stalls on a closed network;
// --no-sandbox because CI runs as root; file access because Paged.js re-fetches the local stylesheets.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--allow-file-access-from-files',
  '--font-render-hinting=none',
];

const running = new Set<Browser>();

/** Kill every browser this process started that is still running: for a second Ctrl-C, when waiting is over. */
export function killBrowsers(): void {
  for (const browser of running) browser.process()?.kill('SIGKILL');
}

/**
 * Start a headless Chrome or Chromium for rendering.
 * @param signal aborts the launch
 */
export async function launchBrowser(signal?: AbortSignal): Promise<Browser> {
  const executablePath = findBrowser();
  signal?.throwIfAborted();
  // Folio closes the browser itself when a build ends or is cancelled; Puppeteer installs no signal handlers.
  const browser = await puppeteer.launch({ executablePath, headless: true, args, timeout: 60_000, protocolTimeout: 300_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  running.add(browser);
  browser.once('disconnected', () => running.delete(browser));
  return browser;
}
