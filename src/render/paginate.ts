import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { FolioError } from '../messages/folio-error.js';
import { appendBlankPage } from './browser/append-blank-page.js';
import { carryRunningStrings, runningStringsAtEnd } from './browser/carry-running-strings.js';
import { countText } from './browser/count-text.js';
import { forgetSource } from './browser/forget-source.js';
import { contentsTargetsElsewhere, fillContents } from './browser/fill-contents.js';
import { inspectLayout, type PageSummary } from './browser/inspect-layout.js';
import { type AnchorPlace, locateAnchors } from './browser/locate-anchors.js';
import { numberPages } from './browser/number-pages.js';
import { outsideLinks, type OutsideLink } from './browser/outside-links.js';
import { registerContentsBreaks } from './browser/register-contents-breaks.js';
import { registerFloatingFigures } from './browser/register-floating-figures.js';
import { registerFootnotes } from './browser/register-footnotes.js';
import { registerHyphenLadders } from './browser/register-hyphen-ladders.js';
import { registerLandscapePages } from './browser/register-landscape-pages.js';
import { registerPageFootHyphens } from './browser/register-page-foot-hyphens.js';
import { registerPagedHandlers } from './browser/register-paged-handlers.js';
import { registerRuntPages } from './browser/register-runt-pages.js';
import { registerSetAsidePages, restoreSetAsidePages } from './browser/register-set-aside-pages.js';
import { registerTableBreaks } from './browser/register-table-breaks.js';
import { registerTableColumns } from './browser/register-table-columns.js';
import { markStructure, type StructureHints } from './browser/mark-structure.js';
import { removeUnusedSoftHyphens } from './browser/remove-unused-soft-hyphens.js';
import { skipFrameWaits } from './browser/skip-frame-waits.js';
import { splitCheck } from './browser/split-check.js';
import { unlinkNoteCalls } from './browser/unlink-note-calls.js';
import { guardPage, type PageGuard } from './guard-page.js';
import { openTab } from './open-tab.js';
import { pagedConfig, pagedPolyfillSource } from './paged-polyfill.js';

/** A link from one part of a split document to another, which the browser cannot make: Folio adds it to the PDF. */
export interface PartLink extends OutsideLink {
  readonly to: AnchorPlace;
}

/** A report laid out in pages, still open in the browser: one tab per part, in order. */
export interface Paginated {
  /** The tabs holding the pages: one for a document laid out whole, one per part of a split one. */
  readonly parts: readonly Page[];
  /** Each page's number, its named pages and the headings that start on it. */
  readonly pages: readonly PageSummary[];
  /** Problems the browser reported: failed loads, script errors, console errors. */
  readonly problems: readonly string[];
  /** Links from one part to another. */
  readonly links: readonly PartLink[];
  /** Each part's hints for the tagged PDF's structure (see `markStructure`), in order. */
  readonly structure: readonly StructureHints[];
  /** Close the tabs. */
  close(): Promise<void>;
}

/** The document to lay out: whole, and cut into parts that may be laid out side by side. */
export interface DocumentFiles {
  readonly whole: string;
  /** The parts, in order (none, or one, to lay the document out whole). */
  readonly parts?: readonly string[] | undefined;
}

/** How pagination runs. */
export interface PaginateOptions {
  /** Give up after this long (milliseconds). */
  readonly timeout: number;
  readonly signal?: AbortSignal | undefined;
  /** Folders the page may load files from; any other request is blocked and reported. */
  readonly allowedRoots: readonly string[];
  /** A fresh, unused tab (`openTab`) for the document or its first part, opened ahead of time; a new one otherwise. */
  readonly page?: Page | undefined;
  /** Told when a split document has to be laid out whole after all, and why. */
  readonly onWhole?: ((reason: string) => void) | undefined;
}

/** One tab with a document loaded and Paged.js ready to run. */
interface Part {
  readonly page: Page;
  readonly guard: PageGuard;
  readonly context?: BrowserContext | undefined;
}

/**
 * Lay the report out in pages with Paged.js, then fill the contents with the page numbers where headings landed.
 *
 * A long report comes cut into parts at chapter boundaries: each is laid out in its own browser context (its own
 * renderer process, so on its own core), then the parts are stitched: a blank page where the whole document would
 * have one before a chapter opening on the right, every page numbered as in the whole, the contents filled from
 * where the headings landed in any part, and the links between parts measured for the PDF. Where a part could not
 * lay out exactly as inside the whole (see `splitCheck`), the document is laid out whole.
 * @param browser a running browser
 * @param files the assembled document on disk, and its parts
 * @param options timeout and cancellation
 */
export async function paginate(browser: Browser, files: DocumentFiles, options: PaginateOptions): Promise<Paginated> {
  const split = (files.parts?.length ?? 0) > 1;
  const sources = split ? (files.parts as readonly string[]) : [files.whole];
  const parts: Part[] = [];
  const close = async () => {
    await Promise.all(parts.map(async (part) => (part.context ? part.context.close() : part.page.close()).catch(() => undefined)));
  };
  const abort = () => void close();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    // Side by side: each tab's browser context and process take a moment to start. Those that opened are closed
    // with the others if one fails.
    const opened = await Promise.allSettled(sources.map((_, index) => openPart(browser, index === 0 ? options.page : undefined, options)));
    for (const result of opened) if (result.status === 'fulfilled') parts.push(result.value);
    const failed = opened.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await Promise.all(parts.map((part, index) => load(part, sources[index] as string, options)));
    const checks = split ? await Promise.all(parts.map((part) => part.page.evaluate(splitCheck))) : [];
    const refusal = checks.findIndex((check, index) => index > 0 && check.refusal !== undefined);
    if (refusal > 0) {
      await close();
      options.onWhole?.(`part ${refusal + 1} cannot be laid out on its own: ${checks[refusal]?.refusal ?? ''}`);
      // The tab the caller brought was closed with the parts: the whole gets a new one.
      return await paginate(browser, { whole: files.whole }, { ...options, page: undefined });
    }
    const counts = await Promise.all(parts.map((part) => layOut(part, split, options)));
    const stitched = split ? await stitch(parts, counts, checks.map((check) => check.opensOnRight)) : { links: [] };
    // What the structure marks hide (the repeated header rows, the margin boxes) is measured as decorative before
    // printing (ready-to-print.ts), and its painting becomes an artifact.
    const structure = await Promise.all(parts.map((part) => part.page.evaluate(markStructure)));
    const layouts = await Promise.all(parts.map((part) => part.page.evaluate(inspectLayout)));
    await Promise.all(parts.map((part) => part.page.evaluate(removeUnusedSoftHyphens)));
    await Promise.all(parts.map((part) => part.page.evaluate(unlinkNoteCalls)));
    // A long report's tabs hold hundreds of megabytes that printing, which needs memory of its own, does not use.
    if (counts.reduce((sum, count) => sum + count, 0) > 100) await Promise.all(parts.map((part) => collectGarbage(part.page)));
    return {
      parts: parts.map((part) => part.page),
      pages: layouts.flatMap((layout) => layout.pages),
      problems: parts.flatMap((part) => part.guard.problems),
      links: stitched.links,
      structure,
      close,
    };
  } catch (error) {
    await close();
    if (options.signal?.aborted) throw new FolioError('The build was cancelled.');
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new FolioError(`Opening the report in the browser took over ${Math.round(options.timeout / 1000)} s. Allow more time with --timeout.`);
    }
    throw error;
  } finally {
    for (const part of parts) part.guard.dispose();
    options.signal?.removeEventListener('abort', abort);
  }
}

/**
 * A tab for one part, in a browser context of its own (unless the caller brings a tab, which it opened so), so that
 * it gets a renderer process of its own: parts lay out side by side, and no build meets the fonts an earlier one
 * left in a shared process (a typeface Chromium had cached from an earlier build, such as a logo's font, was
 * printed as a subset of its own: the same report came out in other bytes in a browser that had built it before).
 */
async function openPart(browser: Browser, spare: Page | undefined, options: PaginateOptions): Promise<Part> {
  const page = spare ?? (await openTab(browser));
  const context = spare ? undefined : page.browserContext();
  page.setDefaultTimeout(options.timeout);
  return { page, context, guard: await guardPage(browser, page, options.allowedRoots) };
}

/** Open the document in the tab and make Paged.js ready, without starting it. */
async function load({ page, guard }: Part, file: string, options: PaginateOptions): Promise<void> {
  const step = <T>(work: Promise<T>) => Promise.race([work, guard.crashed]);
  await page.evaluateOnNewDocument((config) => {
    (window as unknown as { PagedConfig: unknown }).PagedConfig = config;
  }, pagedConfig);
  await step(page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: options.timeout }));
  // Evaluated rather than added as a <script>: the document's Content-Security-Policy forbids every script in it.
  await step(page.evaluate(await pagedPolyfillSource()));
  // First: a table's columns are set before any other handler sees its rows.
  await step(page.evaluate(registerTableColumns));
  await step(page.evaluate(registerPagedHandlers));
  // The page-foot rules the orphans and widows handler asks after its own, in this order.
  await step(page.evaluate(registerPageFootHyphens));
  await step(page.evaluate(registerContentsBreaks));
  await step(page.evaluate(registerTableBreaks));
  await step(page.evaluate(registerRuntPages));
  await step(page.evaluate(registerFootnotes));
  await step(page.evaluate(registerLandscapePages));
  await step(page.evaluate(registerHyphenLadders));
  // Last: its answer to an overflow wins, after it has asked the others about the break it makes.
  await step(page.evaluate(registerFloatingFigures));
  // After every other handler has seen the page it sets aside.
  await step(page.evaluate(registerSetAsidePages));
  await step(page.evaluate(skipFrameWaits));
}

/**
 * Run Paged.js in the tab, and make sure nothing was left out: the layout reached the document's last element,
 * and every manuscript block has as many letters on the pages as in the source. Then fill the contents (a
 * split document's are filled by `stitch`, once the pages are numbered as in the whole).
 * @returns how many pages it made
 */
async function layOut({ page, guard }: Part, split: boolean, options: PaginateOptions): Promise<number> {
  const step = <T>(work: Promise<T>) => Promise.race([work, guard.crashed]);
  const sourceText = await step(page.evaluate(countText, false));
  const finished = await step(
    withTimeout(
      page.evaluate(async () => {
        // The document's very last element: Paged.js copies an element's ancestors onto a page as soon as it
        // starts placing its content, but this one only when it is reached.
        let last = document.body.lastElementChild;
        while (last?.lastElementChild) last = last.lastElementChild;
        last?.setAttribute('data-folio-last', '');
        await (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview();
        return !last || document.querySelector('.pagedjs_pages [data-folio-last]') !== null;
      }),
      options.timeout,
      () => `Laying out the pages took over ${Math.round(options.timeout / 1000)} s${guard.progress.source ? `; it had reached ${guard.progress.source}` : ''}. Allow more time with --timeout, or look there for a very large image or table.`,
    ).catch((cause: unknown) => {
      // Paged.js itself failed (it has limits of its own, such as tables far wider than a page): say where.
      if (cause instanceof FolioError || !page.browser().connected) throw cause;
      const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
      throw new FolioError(`Paged.js failed while laying out the pages${guard.progress.source ? ` near ${guard.progress.source} (page ${guard.progress.page})` : ''}: ${reason}. Look there for something unusual, such as a table far wider than the page or an element nested very deeply, and simplify it. No PDF was written.`);
    }),
  );
  await step(page.evaluate(restoreSetAsidePages));
  if (!finished) {
    const last = await page.evaluate(lastLaidOut);
    throw new FolioError(
      `The layout stopped before the end of the report, after ${last ?? 'the start'}: the element that follows is probably taller than a page (a huge image or table, or a long block that cannot break). Make it smaller or split it.`,
    );
  }
  const pagedText = await page.evaluate(countText, true);
  const lost = Object.keys(sourceText).find((key) => (pagedText[key] ?? 0) < (sourceText[key] ?? 0));
  if (lost) {
    const missing = (sourceText[lost] ?? 0) - (pagedText[lost] ?? 0);
    throw new FolioError(
      `The layout lost text at ${lost}: ${missing} of its letters cannot be seen on any page (left out, outside the page, clipped or hidden). Usually a table row, picture or unbreakable block is taller than a page, or a word too long for its box: split it or make it smaller. No PDF was written.`,
    );
  }
  if (!split) reportUnresolved(guard, await page.evaluate(fillContents, {}));
  return page.evaluate(() => document.querySelectorAll('.pagedjs_page').length);
}

/**
 * Make the parts one document: blank pages where the whole would have them, page numbers as in the whole, running
 * heads carried over, the contents filled from every part, and the links between parts measured.
 * @param parts the laid-out parts, in order
 * @param counts how many pages each made
 * @param opensOnRight whether each part's first chapter opens on a right-hand page
 */
async function stitch(parts: readonly Part[], counts: number[], opensOnRight: readonly boolean[]): Promise<{ links: PartLink[] }> {
  // A part opens with a chapter on a right-hand (odd) page; if the pages before end on one too, the whole
  // document would have a blank left page in between (splitCheck refused every other case).
  let total = 0;
  for (const [index, part] of parts.entries()) {
    total += counts[index] ?? 0;
    if (opensOnRight[index + 1] && total % 2 === 1) {
      await part.page.evaluate(appendBlankPage);
      counts[index] = (counts[index] ?? 0) + 1;
      total += 1;
    }
  }
  let first = 1;
  for (const [index, part] of parts.entries()) {
    await part.page.evaluate(numberPages, first, total);
    first += counts[index] ?? 0;
    // In order: what a part carries over includes what it was given.
    const previous = parts[index - 1];
    if (previous) await part.page.evaluate(carryRunningStrings, await previous.page.evaluate(runningStringsAtEnd));
  }

  const holders = parts.map((part) => part.page);
  const locate = async (ids: string[]) => Object.assign({}, ...(await Promise.all(holders.map((page) => page.evaluate(locateAnchors, ids))))) as Record<string, AnchorPlace>;
  const contents = await Promise.all(holders.map((page) => page.evaluate(contentsTargetsElsewhere)));
  await Promise.all(
    parts.map(async ({ page, guard }, index) => {
      const ids = contents[index] ?? [];
      const places = ids.length > 0 ? await locate(ids) : {};
      reportUnresolved(guard, await page.evaluate(fillContents, Object.fromEntries(Object.entries(places).map(([id, place]) => [id, place.page]))));
    }),
  );
  const outside = (await Promise.all(holders.map((page) => page.evaluate(outsideLinks)))).flat();
  const places = await locate([...new Set(outside.map((link) => link.target))]);
  const links = outside.flatMap((link) => {
    const to = places[link.target];
    return to ? [{ ...link, to }] : [];
  });
  return { links };
}

function reportUnresolved(guard: PageGuard, ids: readonly string[]): void {
  if (ids.length > 0) guard.problems.push(`Contents entries whose heading was not found on any page: ${ids.join(', ')}`);
}

/** Free what the layout no longer needs. */
async function collectGarbage(page: Page): Promise<void> {
  await page.evaluate(forgetSource);
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
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
