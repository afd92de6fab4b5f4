import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser } from './find-browser.js';

// Without the networking flags Chromium keeps dialling Google's services, which stalls on a closed network;
// --no-sandbox because CI runs as root; file access because Paged.js re-fetches the local stylesheets.
// The page's requests are intercepted (guard-page), but WebSockets and a few other channels are not: every
// connection goes to a proxy that cannot exist (the broadcast address), loopback included, and no name resolves.
const args = [
  '--proxy-server=socks5://255.255.255.255:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
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
  // Over a pipe rather than a port: when Folio dies, even by kill -9, the pipe closes and Chromium exits with it.
  const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args, timeout: 60_000, protocolTimeout: 300_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  running.add(browser);
  browser.once('disconnected', () => running.delete(browser));
  return browser;
}
