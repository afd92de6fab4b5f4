import type { Browser, Page } from 'puppeteer-core';
import { FolioError } from '../messages/folio-error.js';
import { isAllowedRequest } from './request-policy.js';

/** What the guard learns while a page renders. */
export interface PageGuard {
  /** Failed loads, blocked requests, script and console errors, in the order they happened. */
  readonly problems: string[];
  /** The last page laid out, and the manuscript line it ended on (`chapter.md:12`). */
  readonly progress: { page: number; source: string | undefined };
  /** Rejects when the page or the browser crashes. */
  readonly crashed: Promise<never>;
  /** Stop listening. */
  dispose(): void;
}

/**
 * Watch over a page that renders a report: allow only requests inside `allowedRoots` (everything else is blocked
 * and reported with its URL), collect browser errors, follow layout progress, and turn a crash into a clear error.
 * @param browser the browser the page belongs to
 * @param page the page
 * @param allowedRoots folders the page may read
 */
export async function guardPage(browser: Browser, page: Page, allowedRoots: readonly string[]): Promise<PageGuard> {
  const problems: string[] = [];
  const progress: PageGuard['progress'] = { page: 0, source: undefined };
  const where = () => (progress.source ? ` (near ${progress.source}, page ${progress.page})` : '');
  let fail: (error: Error) => void = () => undefined;
  const crashed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  crashed.catch(() => undefined);

  page.on('pageerror', (error) => problems.push(`Script error in the page: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('folio:progress ')) Object.assign(progress, JSON.parse(text.slice(15)) as PageGuard['progress']);
    else if (message.type() === 'error') problems.push(`Browser: ${text}`);
  });
  await page.setRequestInterception(true);
  // The tab opens the report's document once; any later navigation (a refresh, a frame) would leave it.
  let navigated = false;
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.isNavigationRequest()) {
      const first = !navigated && request.frame() === page.mainFrame();
      navigated = true;
      if (!first) {
        problems.push(`Blocked the page from opening ${request.url().slice(0, 200)}: a report cannot open other pages.`);
        // "No content" keeps the tab on its document, where refusing the request would show an error page instead.
        void request.respond({ status: 204, body: '' });
        return;
      }
    }
    if (isAllowedRequest(request.url(), allowedRoots)) {
      void request.continue();
    } else {
      problems.push(`Blocked a request to ${request.url().slice(0, 200)}: a report may only use files inside its manuscript folder.`);
      void request.abort('blockedbyclient');
    }
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_BLOCKED_BY_CLIENT') problems.push(`Could not load ${decodeURI(request.url())}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('error', (error) => fail(new FolioError(`The browser page crashed while laying out the report${where()}: ${error.message}. Build again; if it happens again, look for a very large image or table there.`)));
  const onDisconnect = () => fail(new FolioError(`The browser quit unexpectedly while laying out the report${where()}. Build again; if it happens again, check that Chromium runs on this machine (chromium --headless --no-sandbox --dump-dom about:blank).`));
  browser.once('disconnected', onDisconnect);

  return { problems, progress, crashed, dispose: () => void browser.off('disconnected', onDisconnect) };
}
