import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { FolioError } from '../messages/folio-error.js';
import { fillContents } from './browser/fill-contents.js';
import { inspectLayout, type PageSummary } from './browser/inspect-layout.js';
import { registerPagedHandlers } from './browser/register-paged-handlers.js';
import { isAllowedRequest } from './request-policy.js';

const require = createRequire(import.meta.url);
// pagedjs's exports map hides dist/ and package.json; its CommonJS entry sits in lib/, beside dist/.
const polyfill = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/** A report laid out in pages, still open in the browser. */
export interface Paginated {
  readonly page: Page;
  /** Each page's number, its named pages and the headings that start on it. */
  readonly pages: readonly PageSummary[];
  /** Typesetting faults found where things landed: stranded headings, orphans, widows. */
  readonly layoutIssues: readonly string[];
  /** Problems the browser reported: failed loads, script errors, console errors. */
  readonly problems: readonly string[];
}

/** How pagination runs. */
export interface PaginateOptions {
  /** Give up after this long (milliseconds). */
  readonly timeout: number;
  readonly signal?: AbortSignal | undefined;
  /** Folders the page may load files from; any other request is blocked and reported. */
  readonly allowedRoots: readonly string[];
}

/**
 * Open the assembled HTML in the browser and lay it out in pages with Paged.js, then fill the contents with the
 * page numbers where headings landed.
 * @param browser a running browser
 * @param htmlFile the assembled document on disk
 * @param options timeout and cancellation
 */
export async function paginate(browser: Browser, htmlFile: string, options: PaginateOptions): Promise<Paginated> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`Script error in the page: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`Browser: ${message.text()}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (isAllowedRequest(request.url(), options.allowedRoots)) void request.continue();
    else {
      problems.push(`Blocked a request to ${request.url().slice(0, 200)}: the report may only use files inside the manuscript folder.`);
      void request.abort('blockedbyclient');
    }
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_BLOCKED_BY_CLIENT') problems.push(`Could not load ${decodeURI(request.url())}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  const abort = () => void page.close().catch(() => undefined);
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    page.setDefaultTimeout(options.timeout);
    await page.evaluateOnNewDocument(() => {
      // The hyphen Paged.js adds where it breaks a word across pages: plain '-', which every text face has (its default, U+2011, is often missing).
      (window as unknown as { PagedConfig: unknown }).PagedConfig = { auto: false, settings: { hyphenGlyph: '-' } };
    });
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: options.timeout });
    await page.addScriptTag({ path: polyfill });
    await page.evaluate(registerPagedHandlers);
    const finished = await withTimeout(
      page.evaluate(async () => {
        await (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview();
        return document.querySelector('.pagedjs_pages .back-cover') !== null;
      }),
      options.timeout,
      'Laying out the pages took too long',
    );
    if (!finished) {
      throw new FolioError('Paged.js stopped before the end of the report (usually an element taller than a page, such as a huge image or table). Make the last element shown smaller or let it break.');
    }
    const unresolved = await page.evaluate(fillContents);
    if (unresolved.length > 0) problems.push(`Contents entries whose heading was not found on any page: ${unresolved.join(', ')}`);
    const layout = await page.evaluate(inspectLayout);
    return { page, pages: layout.pages, layoutIssues: layout.issues, problems };
  } catch (error) {
    await page.close().catch(() => undefined);
    if (options.signal?.aborted) throw new FolioError('The build was cancelled.');
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FolioError(`${what} (over ${Math.round(ms / 1000)} s). Try --timeout with a larger value, or look for a very large image or table.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
