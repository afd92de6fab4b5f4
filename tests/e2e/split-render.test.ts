import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { largeReport } from '../../bench/make-inputs.js';
import { printEdition } from '../../src/images/edition.js';
import { packageRoot } from '../../src/package-paths.js';
import { registerPagedHandlers } from '../../src/render/browser/register-paged-handlers.js';
import { skipFrameWaits } from '../../src/render/browser/skip-frame-waits.js';
import { registerFloatingFigures } from '../../src/render/browser/register-floating-figures.js';
import { registerFootnotes } from '../../src/render/browser/register-footnotes.js';
import { registerSetAsidePages, restoreSetAsidePages } from '../../src/render/browser/register-set-aside-pages.js';
import { registerTableColumns } from '../../src/render/browser/register-table-columns.js';
import { pagedConfig, pagedPolyfillSource } from '../../src/render/paged-polyfill.js';
import { paginate } from '../../src/render/paginate.js';
import { rendererRoots } from '../../src/render/renderer-roots.js';
import { buildInTemp, closeSharedBrowser, sharedBrowser } from '../helpers/build-fixture.js';
import { readOutline } from '../helpers/outline.js';
import { readPdfLinks } from '../helpers/pdf-links.js';
import { readPageLabels } from '../helpers/page-labels.js';
import { pdfPages, renderPages } from '../helpers/poppler.js';

/** Each page rendered to greyscale pixels at 30 ppi. */
function pagePixels(pdf: string): Promise<Buffer[]> {
  return Promise.all(renderPages(pdf, 30, { gray: true }).map((file) => sharp(file).raw().toBuffer()));
}

/** Every link: its page, its rectangle (whole points from the page's top left) and the page it leads to, in reading order. */
async function readLinks(pdf: string): Promise<{ page: number; rect: number[]; to: number }[]> {
  const links = (await readPdfLinks(pdf)).map(({ page, left, top, right, bottom, to }) => ({ page, rect: [left, top, right, bottom].map(Math.round), to }));
  // In reading order: top to bottom, left to right.
  return links.sort((a, b) => a.page - b.page || (a.rect[1] ?? 0) - (b.rect[1] ?? 0) || (a.rect[0] ?? 0) - (b.rect[0] ?? 0));
}

/** The number of elements in the tagged structure. */
async function structureElements(pdf: string): Promise<number> {
  const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  let count = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) if (object instanceof PDFDict && object.get(PDFName.of('S')) && object.get(PDFName.of('P'))) count += 1;
  return count;
}

/**
 * A report laid out in parts side by side must come out as the same PDF as one laid out whole: same pages (every
 * pixel), folios and running heads, contents numbers, page labels, bookmarks, links and tagged structure.
 */
for (const { edition, name, parts } of [
  { edition: undefined, name: 'screen edition, 2 parts', parts: 2 },
  { edition: printEdition, name: 'print edition (chapters open on the right), 3 parts', parts: 3 },
]) {
  describe(`a report laid out in parts matches the whole-document layout: ${name}`, () => {
    let whole: Awaited<ReturnType<typeof buildInTemp>>;
    let split: Awaited<ReturnType<typeof buildInTemp>>;
    let proofSheets: string[];

    before(async () => {
      const dir = await largeReport(path.join(packageRoot, 'manuscript'), await mkdtemp(path.join(os.tmpdir(), 'folio-split-')), 2);
      const proofs = await mkdtemp(path.join(os.tmpdir(), 'folio-proofs-'));
      whole = await buildInTemp(dir, { edition, parts: 1, proof: path.join(proofs, 'whole.png') });
      split = await buildInTemp(dir, { edition, parts, proof: path.join(proofs, 'split.png') });
      proofSheets = [path.join(proofs, 'whole.png'), path.join(proofs, 'split.png')];
    });
    after(closeSharedBrowser);

    test('was laid out whole, and in parts', () => {
      assert.equal(whole.parts, 1);
      assert.equal(split.parts, parts);
    });

    test('has the same pages, pixel for pixel, with the same text', async () => {
      const [a, b] = await Promise.all([pagePixels(whole.output), pagePixels(split.output)]);
      assert.ok(a.length > 30, `a long report (${a.length} pages)`);
      assert.equal(b.length, a.length, 'page count');
      // Chromium snaps a picture to whole pixels from where its page sits in the tab, which differs between the
      // whole and a part: a photo may move by a fraction of a point. Everything else must be the same.
      a.forEach((pixels, index) => {
        const other = b[index] as Buffer;
        let differing = 0;
        for (let at = 0; at < pixels.length; at += 1) if (Math.abs((pixels[at] ?? 0) - (other[at] ?? 0)) > 24) differing += 1;
        assert.ok(differing <= pixels.length * 0.002, `page ${index + 1} looks the same (${differing} pixels differ)`);
      });
      assert.deepEqual(pdfPages(split.output, 'raw'), pdfPages(whole.output, 'raw'));
    });

    test('has the same contact sheet: the grid runs on across the parts', async () => {
      const sizes = await Promise.all(proofSheets.map(async (file) => sharp(file).metadata()));
      assert.equal(sizes[1]?.width, sizes[0]?.width, 'same width');
      // The parts' rows are placed to the whole pixel: allow a pixel's difference, and compare at a quarter size.
      assert.ok(Math.abs((sizes[1]?.height ?? 0) - (sizes[0]?.height ?? 0)) <= 2, 'same height');
      const quarter = { width: Math.round((sizes[0]?.width ?? 0) / 4), height: Math.round((sizes[0]?.height ?? 0) / 4), fit: 'fill' as const };
      const [a, b] = await Promise.all(proofSheets.map((file) => sharp(file).resize(quarter).greyscale().raw().toBuffer({ resolveWithObject: true })));
      assert.ok(a && b);
      let differing = 0;
      for (let at = 0; at < a.data.length; at += 1) if (Math.abs((a.data[at] ?? 0) - (b.data[at] ?? 0)) > 48) differing += 1;
      assert.ok(differing <= a.data.length * 0.01, `the same picture (${differing} of ${a.data.length} pixels differ)`);
    });

    test('numbers and names every page, and finds its headings, as the whole does', () => {
      // (Not the fingerprints: they tell one build's pages from the next build's made the same way.)
      const summary = (pages: typeof whole.pages) => pages.map(({ number, names, headings }) => ({ number, names, headings }));
      assert.deepEqual(summary(split.pages), summary(whole.pages));
      assert.deepEqual(split.layoutIssues, whole.layoutIssues);
    });

    test('has the same page labels, bookmarks, links and structure', async () => {
      assert.deepEqual(await readPageLabels(split.output), await readPageLabels(whole.output));
      const outline = await readOutline(whole.output);
      assert.ok(outline.length > 20);
      assert.deepEqual(await readOutline(split.output), outline);
      const [links, splitLinks] = await Promise.all([readLinks(whole.output), readLinks(split.output)]);
      assert.equal(splitLinks.length, links.length, 'as many links');
      links.forEach((link, index) => {
        const other = splitLinks[index];
        assert.ok(other && other.page === link.page && other.to === link.to, `link ${index + 1} on page ${link.page + 1} leads to page ${link.to + 1}`);
        link.rect.forEach((value, corner) => assert.ok(Math.abs(value - (other.rect[corner] ?? 0)) <= 1, `link ${index + 1} is where it was`));
      });
      assert.equal(await structureElements(split.output), await structureElements(whole.output));
    });
  });
}

/** A small document in parts, with the given style, laid out through `paginate` itself. */
async function layOutInParts(style: string): Promise<{ parts: number; reasons: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-split-check-'));
  const page = (sections: string) => `<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 20mm } ${style}</style></head><body><main>${sections}</main></body></html>`;
  const section = (title: string) => `<section class="chapter"><h1>${title}</h1><p>${'Text that fills a line or two. '.repeat(20)}</p></section>`;
  const files = { whole: path.join(dir, 'whole.html'), parts: [path.join(dir, 'part-1.html'), path.join(dir, 'part-2.html')] };
  await writeFile(files.whole, page(section('One') + section('Two')));
  await writeFile(files.parts[0] as string, page(section('One')));
  await writeFile(files.parts[1] as string, page(section('Two')));
  const reasons: string[] = [];
  const paginated = await paginate(await sharedBrowser(), files, { timeout: 60_000, allowedRoots: [dir, ...rendererRoots], onWhole: (reason) => reasons.push(reason) });
  await paginated.close();
  return { parts: paginated.parts.length, reasons };
}

describe('a report is laid out whole when a part could not lay out as inside the whole', () => {
  after(closeSharedBrowser);

  test('an @page :first rule would style each part\'s first page as the first', async () => {
    const result = await layOutInParts('@page :first { margin-top: 60mm } .chapter { break-before: page }');
    assert.equal(result.parts, 1);
    assert.match(result.reasons.join(), /@page :first/);
  });

  test('facing pages with chapters that do not open on the right would put a part on the wrong side', async () => {
    const result = await layOutInParts('@page :left { margin-left: 30mm } .chapter { break-before: page }');
    assert.equal(result.parts, 1);
    assert.match(result.reasons.join(), /right-hand page/);
  });

  test('facing pages with chapters opening on the right, and plain pages, split', async () => {
    assert.deepEqual(await layOutInParts('@page :left { margin-left: 30mm } .chapter { break-before: right }'), { parts: 2, reasons: [] });
    assert.deepEqual(await layOutInParts('.chapter { break-before: page }'), { parts: 2, reasons: [] });
  });
});

/**
 * Lay out a document Folio wrote in a fresh tab with Paged.js and these handlers (functions evaluated in the page in
 * order), then run `after` in the page. Every page's markup (without Paged.js's per-run ids), and how many pages
 * were out of the layout (`display: none`) when Paged.js was done.
 */
async function pagesMarkup(html: string, handlers: readonly (() => void)[], after: readonly (() => void)[] = []): Promise<{ pages: string[]; hidden: number }> {
  const page = await (await sharedBrowser()).newPage();
  try {
    await page.evaluateOnNewDocument((config) => ((window as unknown as { PagedConfig: unknown }).PagedConfig = config), pagedConfig);
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await page.evaluate(await pagedPolyfillSource());
    for (const handler of handlers) await page.evaluate(handler);
    await page.evaluate(() => (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview());
    const hidden = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.pagedjs_page')].filter((element) => element.style.display === 'none').length);
    for (const step of after) await page.evaluate(step);
    const pages = await page.evaluate(() => [...document.querySelectorAll('.pagedjs_page')].map((element) => element.outerHTML.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, '')));
    return { pages, hidden };
  } finally {
    await page.close();
  }
}

describe('Paged.js on microtasks lays out what it lays out on animation frames', () => {
  after(closeSharedBrowser);

  test('the same pages, element for element, for the seminar report', async () => {
    const report = path.join(packageRoot, 'manuscript');
    // The build's own document is private to the build and gone with it: lay out the HTML it writes on request.
    const html = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-frames-')), 'report.html');
    await buildInTemp(report, { html });
    const frames = (await pagesMarkup(html, [registerPagedHandlers])).pages;
    const microtasks = (await pagesMarkup(html, [registerPagedHandlers, skipFrameWaits])).pages;
    assert.ok(frames.length >= 20);
    assert.deepEqual(microtasks, frames);
  });
});

describe('Pages set aside while the rest are laid out come back as they were', () => {
  after(closeSharedBrowser);

  test('the same pages, element for element, for the policy paper (notes at the foot, floats, tables)', async () => {
    const html = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-set-aside-')), 'paper.html');
    await buildInTemp(path.join(packageRoot, 'tests', 'fixtures', 'policy-paper'), { html });
    const handlers = [registerTableColumns, registerPagedHandlers, registerFootnotes, registerFloatingFigures, skipFrameWaits];
    const kept = await pagesMarkup(html, handlers);
    const setAside = await pagesMarkup(html, [...handlers, registerSetAsidePages], [restoreSetAsidePages]);
    assert.ok(kept.pages.length >= 20);
    // All but the last three were out of the layout when Paged.js finished, and came back as they were.
    assert.equal(setAside.hidden, kept.pages.length - 3);
    assert.equal(kept.hidden, 0);
    assert.deepEqual(setAside.pages, kept.pages);
  });
});
