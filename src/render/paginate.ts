import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { FolioError } from '../messages/folio-error.js';
import { countText } from './browser/count-text.js';
import { fillContents } from './browser/fill-contents.js';
import { inspectLayout, type PageSummary } from './browser/inspect-layout.js';
import { registerPagedHandlers } from './browser/register-paged-handlers.js';
import { skipFrameWaits } from './browser/skip-frame-waits.js';
import { guardPage } from './guard-page.js';
import { pagedConfig, pagedPolyfillSource } from './paged-polyfill.js';

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
  /** A fresh, unused page to lay out in (watch opens the next one while it waits); a new one otherwise. */
  readonly page?: Page | undefined;
}

/**
 * Open the assembled HTML in the browser and lay it out in pages with Paged.js, then fill the contents with the
 * page numbers where headings landed.
 * @param browser a running browser
 * @param htmlFile the assembled document on disk
 * @param options timeout and cancellation
 */
export async function paginate(browser: Browser, htmlFile: string, options: PaginateOptions): Promise<Paginated> {
  const page = options.page ?? (await browser.newPage());
  const guard = await guardPage(browser, page, options.allowedRoots);
  const abort = () => void page.close().catch(() => undefined);
  options.signal?.addEventListener('abort', abort, { once: true });
  const step = <T>(work: Promise<T>) => Promise.race([work, guard.crashed]);
  try {
    page.setDefaultTimeout(options.timeout);
    await page.evaluateOnNewDocument((config) => {
      (window as unknown as { PagedConfig: unknown }).PagedConfig = config;
    }, pagedConfig);
    await step(page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: options.timeout }));
    // Evaluated rather than added as a <script>: the document's Content-Security-Policy forbids every script in it.
    await step(page.evaluate(await pagedPolyfillSource()));
    await step(page.evaluate(registerPagedHandlers));
    await step(page.evaluate(skipFrameWaits));
    const sourceText = await page.evaluate(countText, false);
    const finished = await step(
      withTimeout(
        page.evaluate(async () => {
          await (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview();
          return document.querySelector('.pagedjs_pages .back-cover') !== null;
        }),
        options.timeout,
        () => `Laying out the pages took over ${Math.round(options.timeout / 1000)} s${guard.progress.source ? `; it had reached ${guard.progress.source} (page ${guard.progress.page})` : ''}. Allow more time with --timeout, or look there for a very large image or table.`,
      ),
    );
    if (!finished) {
      const last = await page.evaluate(lastLaidOut);
      throw new FolioError(
        `The layout stopped before the end of the report, after ${last ?? 'the start'}: the element that follows is probably taller than a page (a huge image or table, or a long block that cannot break). Make it smaller or split it.`,
      );
    }
    const pagedText = await page.evaluate(countText, true);
    const lost = Object.keys(sourceText).find((key) => (pagedText[key] ?? 0) < (sourceText[key] ?? 0));
    if (lost) {
      throw new FolioError(
        `The layout lost text at ${lost}: part of it fitted on no page, so Paged.js left it out. Usually a table row, picture or unbreakable block is taller than a page: split it or make it smaller. No PDF was written.`,
      );
    }
    const unresolved = await page.evaluate(fillContents);
    if (unresolved.length > 0) guard.problems.push(`Contents entries whose heading was not found on any page: ${unresolved.join(', ')}`);
    const layout = await page.evaluate(inspectLayout);
    return { page, pages: layout.pages, layoutIssues: layout.issues, problems: guard.problems };
  } catch (error) {
    await page.close().catch(() => undefined);
    if (options.signal?.aborted) throw new FolioError('The build was cancelled.');
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new FolioError(`Opening the report in the browser took over ${Math.round(options.timeout / 1000)} s. Allow more time with --timeout.`);
    }
    throw error;
  } finally {
    guard.dispose();
    options.signal?.removeEventListener('abort', abort);
  }
}

/** In the page: the manuscript line of the last element laid out, as `chapter.md:12 (a table)`. */
function lastLaidOut(): string | undefined {
  const placed = document.querySelectorAll<HTMLElement>('.pagedjs_pages [data-line]');
  const last = placed[placed.length - 1];
  const chapter = last?.closest<HTMLElement>('[data-source]')?.dataset['source'];
  if (!last || !chapter) return undefined;
  return `${chapter}:${last.dataset['line'] ?? '?'} (${last.tagName.toLowerCase()})`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FolioError(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
