import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import type { Browser, Page } from 'puppeteer-core';
import type { VFile } from 'vfile';
import type { Reporter } from '../cli/reporter.js';
import { check } from './check.js';
import { untilAborted } from './until-aborted.js';
import { collectGarbage } from './collect-garbage.js';
import { checkOutputPath } from '../files/check-output-path.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import { pageSizes } from '../document/page-sizes.js';
import { hideSource } from '../document/hide-source.js';
import { partsFor, splitDocument } from '../document/split-document.js';
import { screenEdition, type Edition } from '../images/edition.js';
import { prepareImages, type ImageReport } from '../images/prepare-images.js';
import { svgFontsFor } from '../images/svg-fonts-for.js';
import { inlineResources } from '../document/inline-resources.js';
import { ManuscriptError } from '../messages/manuscript-error.js';
import { buildFolder } from '../output/build-folder.js';
import { writeAtomic } from '../output/write-atomic.js';
import { documentDate, pressDate } from '../pdf/document-date.js';
import type { PressOptions } from '../pdf/prepare-for-press.js';
import { pressProfiles } from '../pdf/press-profiles.js';
import { finishPdf } from '../pdf/finish-pdf.js';
import { collectHeadings } from '../document/collect-headings.js';
import { assertPressReady } from '../preflight/assert-press-ready.js';
import { accessibilityWarnings } from '../preflight/accessibility/accessibility-warnings.js';
import type { Finding } from '../preflight/accessibility/finding.js';
import { FolioError } from '../messages/folio-error.js';
import type { PreflightReport } from '../preflight/preflight.js';
import { imposeBooklet } from '../pdf/impose-booklet.js';
import { findLayoutFaults } from '../layout/find-layout-faults.js';
import type { LayoutFault } from '../layout/layout-fault.js';
import { reportLayoutFaults } from '../layout/report-layout-faults.js';
import { markDraft } from '../render/browser/mark-draft.js';
import { launchBrowser } from '../render/launch-browser.js';
import { paginate, type Paginated } from '../render/paginate.js';
import { printPdf } from '../render/print-pdf.js';
import { proofSheet } from '../render/proof-sheet.js';
import { readyToPrint } from '../render/ready-to-print.js';
import { rendererRoots } from '../render/renderer-roots.js';

/** What one build is asked to do: settings of this run, not of the document (those live in report.yaml). */
export interface BuildOptions {
  /** The manuscript folder. */
  readonly dir: string;
  /** The PDF to write. */
  readonly output: string;
  /** Also write the self-contained HTML the PDF was rendered from. */
  readonly html?: string | undefined;
  /** Also write a contact sheet PNG of every page. */
  readonly proof?: string | undefined;
  /** Write the report imposed as a saddle-stitch booklet (A3 sheets, two pages a side) instead of page by page. */
  readonly booklet?: boolean | undefined;
  /** Mark every page DRAFT with the build time. */
  readonly draft?: boolean | undefined;
  /** Milliseconds the layout may take before the build gives up. */
  readonly timeout?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** The edition's image settings (default: the screen edition). */
  readonly edition?: Edition | undefined;
  /** A running browser to reuse; one is started (and closed) otherwise. */
  readonly browser?: Browser | undefined;
  /** A fresh tab of that browser (`openTab`) to lay out in, opened ahead of time (by `folio watch`). */
  readonly page?: Page | undefined;
  /** Lay the report out in this many parts side by side (default: by its length and the cores; 1: whole). */
  readonly parts?: number | undefined;
  /** Fail, writing nothing, when typographic faults are left after layout (see src/layout/). */
  readonly strict?: boolean | undefined;
  /** Receives Chromium's PDFs as printed, before Folio finishes them (to compare the finished pages with them). */
  readonly printed?: ((pdfs: readonly Uint8Array[]) => void) | undefined;
}

/** What a build made. */
export interface BuildResult {
  readonly output: string;
  readonly pages: Paginated['pages'];
  /** Typographic faults left in the laid-out pages (also reported as positioned warnings). */
  readonly layoutIssues: readonly LayoutFault[];
  /** The manuscript's files with their warnings. */
  readonly files: readonly VFile[];
  /** Problems the browser reported. */
  readonly problems: readonly string[];
  /** What the image stage did. */
  readonly images: ImageReport;
  /** The print edition's preflight. */
  readonly preflight?: PreflightReport | undefined;
  /** How many parts the report was laid out in, side by side (1: whole). */
  readonly parts: number;
}

/**
 * Build the report: read and check the manuscript, compile the chapters, assemble the HTML document, lay it out
 * in pages in Chromium, print the PDF, stamp its metadata, and write it (atomically) with its companions.
 * @param options this run's settings
 * @param reporter where progress and messages go
 */
export async function build(options: BuildOptions, reporter: Reporter): Promise<BuildResult> {
  const timeout = options.timeout ?? 120_000;
  // Every stage first checks for cancellation (Ctrl-C): a cancelled build stops before its next stage.
  let current = '';
  const stage = <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    options.signal?.throwIfAborted();
    current = name;
    return reporter.stage(name, () => untilAborted(Promise.resolve().then(run), options.signal));
  };
  const edition = options.edition ?? screenEdition;
  for (const [option, file] of [['-o', options.output], ['--html', options.html], ['--proof', options.proof]] as const) if (file) checkOutputPath(file, option, options.dir);
  // Chromium starts on the other core while the manuscript is compiled; a build that stops before the layout closes it.
  const starting = options.browser ? undefined : launchBrowser(options.signal);
  starting?.catch(() => undefined); // its failure is reported where it is awaited, if the build gets there
  const { manuscript, files, images, work, run, htmlFile, partFiles, selfContained, headings } = await prepareDocument(options, edition, stage, reporter).catch(async (error: unknown) => {
    await starting?.then((started) => started.close()).catch(() => undefined);
    throw error;
  });
  // The HTML trees are gone; their memory too, before the tabs of a long report need theirs (not for a short one:
  // `folio watch` rebuilds would pay for a full collection each time).
  if (partFiles.length > 1) collectGarbage();
  let browser: Browser | undefined;
  try {
    const started = options.browser ?? (await stage('start browser', () => starting as Promise<Browser>));
    browser = started;
    // A tab busy laying out pages answers nothing until it is done, so cancelling cannot wait for it: a browser
    // this build started is killed at once (one it was given belongs to the caller, who stops it).
    if (!options.browser) options.signal?.addEventListener('abort', () => started.process()?.kill('SIGKILL'), { once: true });
    if (partFiles.length > 1) reporter.info(`    laid out in ${partFiles.length} parts side by side`);
    const paginated = await stage('lay out pages', () =>
      paginate(started, { whole: htmlFile, parts: partFiles }, { timeout, signal: options.signal, allowedRoots: [work, manuscript.root, ...rendererRoots], page: options.page, onWhole: (reason) => reporter.info(`    laid out whole: ${reason}`) }),
    );
    for (const problem of paginated.problems) reporter.warning(problem);
    // On the pages as laid out (after the unused soft hyphens are gone, so every hyphen left breaks a line).
    const layoutIssues = (await stage('find layout faults', () => Promise.all(paginated.parts.map((page) => findLayoutFaults(page))))).flat();
    reportLayoutFaults(layoutIssues, files, reporter);
    const faults = layoutIssues.length;
    if (options.strict && faults > 0) {
      throw new FolioError(`${faults} typographic fault${faults === 1 ? ' is' : 's are'} left after layout (listed above) and --strict is on: no PDF was written. Mend them as each line says, or build without --strict.`);
    }
    // Landscape pages turned onto the paper, and where each page's parts will be painted, for the artifact step.
    const pages = await readyToPrint(paginated.parts, paginated.pages);
    const draft = `Draft · built ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    if (options.draft) await Promise.all(paginated.parts.map((page) => page.evaluate(markDraft, draft)));
    const raw = await stage('print pdf', () => Promise.all(paginated.parts.map((page) => printPdf(page, timeout))));
    options.printed?.(raw);
    if (options.proof) {
      const proof = options.proof;
      await stage('proof sheet', async () => writeAtomic(proof, await proofSheet(paginated.parts, { booklet: options.booklet === true })));
    }
    // The laid-out pages are no longer needed: free the browser's memory before pdf-lib takes the PDF in.
    await paginated.close();
    const press = edition.name === 'print' ? await pressOptions(manuscript) : undefined;
    const date = press?.date ?? documentDate(manuscript.config.published);
    // The official PDF claims PDF/UA-1 only if the accessibility preflight passes it (a booklet has no structure,
    // and a draft's label is painted over the text, so neither claims it); one that fails says why.
    const official = !options.booklet && !options.draft;
    const { pdf, findings } = await stage('finish pdf', () => finishPdf(raw, { config: manuscript.config, date, pages, press, links: paginated.links, headings, structure: paginated.structure, pdfua: official ? 1 : undefined }));
    const placeOf = (finding: Finding) => {
      const page = pages.find((summary) => summary.number === finding.page);
      return (finding.arabicScript ? page?.arabicSource : undefined) ?? page?.source;
    };
    for (const line of accessibilityWarnings(findings, placeOf)) reporter.warning(line);
    const output = options.booklet ? await stage('impose booklet', () => imposeBooklet(pdf)) : pdf;
    // The print edition is preflighted before it replaces anything: a file a print shop would reject is not written.
    let preflighted: PreflightReport | undefined;
    const verify = press && !options.booklet ? async (written: string) => void (preflighted = await assertPressReady(written, options.output, (page) => pages.find((summary) => summary.number === page)?.source)) : undefined;
    await stage('write pdf', () => writeAtomic(options.output, output, verify));
    if (options.html) {
      const html = options.html;
      await stage('self-contained html', () => writeAtomic(html, selfContained ?? ''));
    }
    return { output: options.output, pages, layoutIssues, files, problems: paginated.problems, images, preflight: preflighted, parts: paginated.parts.length };
  } catch (error) {
    if (options.signal?.aborted) throw new FolioError('The build was cancelled.');
    if (browser && !browser.connected && !(error instanceof FolioError)) {
      throw new FolioError(`The browser quit unexpectedly (during "${current}"). Build again; if it happens again, check that Chromium runs on this machine: chromium --headless --no-sandbox --dump-dom about:blank`);
    }
    throw error;
  } finally {
    if (!options.browser) await browser?.close().catch(() => undefined);
    await rm(run, { recursive: true, force: true });
  }
}

/**
 * Check the manuscript, prepare its images and write the document (and its parts) for the browser. Its own
 * function so that the HTML trees are let go before the layout, which needs the memory.
 */
async function prepareDocument(options: BuildOptions, edition: Edition, stage: <T>(name: string, run: () => Promise<T> | T) => Promise<T>, reporter: Reporter) {
  const { checked, files, failed } = await check(options.dir, reporter, edition.name, options.signal);
  reporter.messages(files);
  if (failed || !checked) throw new ManuscriptError(files);
  const { manuscript, document } = checked;

  const work = buildFolder(manuscript.root);
  const images = await stage('prepare images', () => prepareImages(document, edition, path.join(work, 'images'), options.signal, svgFontsFor(manuscript)));
  reporter.info(`    ${images.processed + images.cached} images (${images.processed} processed, ${images.cached} from cache): ${megabytes(images.bytesIn)} → ${megabytes(images.bytesOut)}`);
  // This build's own folder: builds of one manuscript side by side (screen and print) share only the image cache,
  // whose files are written under temporary names and renamed into place.
  await mkdir(work, { recursive: true });
  const run = await mkdtemp(path.join(work, 'run-'));
  const htmlFile = path.join(run, 'document.html');
  // A long report is laid out in parts side by side, one per core (see paginate); the whole is kept for a report
  // that cannot be split after all.
  // A booklet is laid out whole: saddle-stitched reports are short, and its proof shows pages in sheet order.
  const parts = splitDocument(document, options.booklet ? 1 : (options.parts ?? partsFor(document)));
  const partFiles = parts.length > 1 ? parts.map((_, index) => path.join(run, `document-part-${index + 1}.html`)) : [];
  try {
    await stage('write html', async () => {
      await writeFile(htmlFile, toHtml(hideSource(document)));
      await Promise.all(partFiles.map((file, index) => writeFile(file, toHtml(hideSource(parts[index] as Root)))));
    });
    // Written with the PDF, at the end.
    const selfContained = options.html ? toHtml(await inlineResources(document)) : undefined;
    const headings = collectHeadings(document, 6).map((heading) => heading.text);
    return { manuscript, files, images, work, run, htmlFile, partFiles, selfContained, headings };
  } catch (error) {
    // The build's own folder goes with a build that stops here (cancelled, a file that cannot be inlined).
    await rm(run, { recursive: true, force: true });
    throw error;
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The print edition's press settings: trim and bleed from report.yaml, the colour profiles, a date PDF/X can carry. */
async function pressOptions(manuscript: Manuscript): Promise<PressOptions> {
  const files = [manuscript.configFile, ...manuscript.chapters].map((file) => String(file.data['absolutePath']));
  return {
    trim: pageSizes[manuscript.config.page.size],
    bleed: manuscript.config.page.bleed,
    ...(await pressProfiles()),
    date: await pressDate(manuscript.config.published, files),
    title: manuscript.config.title,
  };
}
