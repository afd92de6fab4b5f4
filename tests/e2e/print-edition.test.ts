import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PDFDict, PDFDocument, PDFName, PDFString, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { printEdition } from '../../src/images/edition.js';
import { packageRoot } from '../../src/package-paths.js';
import { preflight } from '../../src/preflight/preflight.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { readOutline } from '../helpers/outline.js';
import { readPageLabels } from '../helpers/page-labels.js';
import { writeTestImages } from '../helpers/test-images.js';
import { letters, pdfFonts, pdfImages, pdfInfo, pdfPages } from '../helpers/poppler.js';

const mm = 72 / 25.4;

describe('the print edition of the seminar report', () => {
  let pdf: string;
  let pages: string[];
  let result: Awaited<ReturnType<typeof buildInTemp>>;

  before(async () => {
    result = await buildInTemp(path.join(packageRoot, 'manuscript'), { edition: printEdition });
    pdf = result.output;
    pages = pdfPages(pdf);
  });
  after(closeSharedBrowser);

  test('has A4 trim, 3 mm bleed and a media box that holds the crop marks, on every page', async () => {
    const doc = await PDFDocument.load(await readFile(pdf));
    for (const page of doc.getPages()) {
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      const media = page.getMediaBox();
      assert.ok(page.node.has(PDFName.of('TrimBox')) && page.node.has(PDFName.of('BleedBox')));
      assert.ok(Math.abs(trim.width - 210 * mm) < 0.5 && Math.abs(trim.height - 297 * mm) < 0.5, 'A4 trim');
      assert.ok(Math.abs(trim.x - bleed.x - 3 * mm) < 0.5 && Math.abs(bleed.width - trim.width - 6 * mm) < 0.5, '3 mm bleed');
      assert.ok(media.x <= bleed.x - 8 * mm && media.width >= bleed.width + 16 * mm, 'room for marks outside the bleed');
    }
  });

  test('sets facing pages: folios on the outer edges, chapters opening on right-hand pages', () => {
    // Where each page's folio stands: its number, as a word in the bottom tenth of the page.
    const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const pageBlocks = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
    let checked = 0;
    pageBlocks.forEach((block, index) => {
      const [width, height] = [Number(block[1]), Number(block[2])];
      const page = index + 1;
      for (const word of (block[3] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(\d+)<\/word>/g)) {
        if (Number(word[2]) < height * 0.88 || word[3] !== String(page)) continue;
        const onLeft = Number(word[1]) < width / 2;
        assert.equal(onLeft, page % 2 === 0, `folio ${page} on the outer edge (${onLeft ? 'left' : 'right'})`);
        checked += 1;
      }
    });
    assert.ok(checked > 10, `${checked} folios checked`);
    for (const chapter of ['Concept Note', 'Prelude', 'Key Findings', 'Programme', 'Summary of the Proceedings', 'Roundtable', 'Picture Gallery']) {
      const page = pages.findIndex((text, index) => index > 5 && text.trim().startsWith(chapter)) + 1;
      assert.ok(page > 0 && page % 2 === 1, `${chapter} opens on a right-hand page (${page})`);
    }
  });

  test('is PDF/X-4 with a CMYK output intent, every colour managed, every font embedded, no Type 3, text on every page', async () => {
    assert.ok(result.preflight, 'the build preflighted its output');
    assert.deepEqual(result.preflight.faults, []);
    assert.equal(result.preflight.pdfx.version, 'PDF/X-4');
    assert.match(result.preflight.pdfx.outputIntent ?? '', /CMYK profile embedded/);
    assert.deepEqual(result.preflight.unmanagedRgb, []);
    for (const font of pdfFonts(pdf)) assert.ok(font.embedded && font.type !== 'Type 3', font.name);
    // Pages without text are the blank pages that put a chapter on a right-hand page or the back cover last.
    const blank = pages.flatMap((text, index) => (text.trim() === '' ? [index + 1] : []));
    for (const page of blank) {
      const next = pages[page] ?? '';
      assert.ok(page === pages.length - 1 || /^\s*\S/.test(next), `blank page ${page} comes before a page that opens something`);
    }
    assert.ok(letters(pages.join('')).includes(letters('Chatham House Rules')));
  });

  test('keeps bookmarks, metadata and page labels, like the screen edition', async () => {
    const outline = await readOutline(pdf);
    assert.ok(outline.some((item) => item.title === 'Summary Session I' && item.depth === 1));
    assert.ok(outline.some((item) => item.title.startsWith('Major Power Competition') && item.depth === 2));
    assert.equal(pdfInfo(pdf).fields['Title'], 'The Dynamics of Pakistan-Afghanistan Relations');
    const labels = await readPageLabels(pdf);
    assert.equal(labels[0], 'Cover');
    assert.equal(labels[6], '7');
  });

  test('places photos at about 300 ppi', () => {
    const photos = pdfImages(pdf).filter((image) => image.type === 'image');
    assert.ok(photos.length >= 21);
    for (const photo of photos) assert.ok(photo.xppi >= 280 && photo.xppi <= 310, `${photo.width}×${photo.height} at ${photo.xppi} ppi`);
  });
});

describe('folio preflight', () => {
  async function made(draw: (doc: PDFDocument) => Promise<void>): Promise<string> {
    const doc = await PDFDocument.create();
    await draw(doc);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-preflight-')), 'bad.pdf');
    await writeFile(file, await doc.save());
    return file;
  }

  test('rejects a font that is not embedded', async () => {
    const file = await made(async (doc) => {
      const page = doc.addPage();
      page.drawText('Hello', { font: await doc.embedFont(StandardFonts.Helvetica) });
    });
    const report = await preflight(file);
    assert.ok(report.faults.some((fault) => /Helvetica is not embedded/.test(fault)), report.faults.join('\n'));
  });

  test('rejects a rasterised page', async () => {
    const file = await made(async (doc) => {
      const picture = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ddd' } }).jpeg().toBuffer();
      const page = doc.addPage([595.28, 841.89]);
      page.drawImage(await doc.embedJpg(picture), { x: 0, y: 0, width: 595.28, height: 841.89 });
    });
    const report = await preflight(file);
    assert.ok(report.faults.some((fault) => /Page 1 is rasterised/.test(fault)), report.faults.join('\n'));
  });

  test('rejects RGB colour in a file that claims PDF/X, and missing boxes and output intent', async () => {
    const file = await made(async (doc) => {
      const page = doc.addPage();
      page.drawRectangle({ x: 50, y: 50, width: 100, height: 100, color: rgb(1, 0, 0) });
      doc.setTitle('Claims PDF/X');
      doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
    });
    const report = await preflight(file);
    assert.ok(report.faults.some((fault) => /Unmanaged DeviceRGB/.test(fault)), report.faults.join('\n'));
    assert.ok(report.faults.some((fault) => /no TrimBox\/BleedBox/.test(fault)));
    assert.ok(report.faults.some((fault) => /no output intent/.test(fault)));
  });
});

describe('the print edition with page.chaptersOpen: any', () => {
  after(closeSharedBrowser);

  test('opens the title page, the contents and each chapter on the next page: no blank page but the covers’ backs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-chapters-open-'));
    await cp(path.join(fixturesDir, 'plain-gfm'), dir, { recursive: true });
    await writeTestImages(path.join(dir, 'images'));
    await writeFile(path.join(dir, 'report.yaml'), `${await readFile(path.join(dir, 'report.yaml'), 'utf8')}page:\n  chaptersOpen: any\n`);
    // A second `# Heading` in the last chapter's file: the contents lists it as a chapter, so it opens a page as one.
    await writeFile(path.join(dir, '02-method.md'), `${await readFile(path.join(dir, '02-method.md'), 'utf8')}\n# Annex\n\nA closing chapter written in the file of the chapter before.\n`);
    const pages = pdfPages((await buildInTemp(dir, { edition: printEdition })).output);
    const blank = pages.flatMap((text, index) => (text.trim() === '' ? [index + 1] : []));
    // The back cover (no text in this report) is a left-hand page, so the page before it may be left blank too.
    assert.ok(blank[0] === 2 && blank.every((page) => page === 2 || page >= pages.length - 1), `blank pages: ${blank.join(', ')}`);
    // A page left blank prints nothing: no page holds only a running head (set in capitals) and a folio.
    const furnitureOnly = pages.flatMap((text, index) => {
      const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
      return lines.length > 0 && lines.every((line) => /^\d+$/.test(line) || line === line.toUpperCase()) && index < pages.length - 1 ? [index + 1] : [];
    });
    assert.deepEqual(furnitureOnly, [], 'pages with a running head or folio and nothing else');
    const opening = (title: string) => pages.findIndex((text, index) => index > 3 && text.trim().startsWith(title)) + 1;
    const contents = pages.findIndex((text) => text.trim().startsWith('Contents')) + 1;
    assert.equal(opening('Findings'), contents + 1, 'the first chapter opens on the page after the contents');
    const method = opening('Method');
    assert.ok(method > 0 && pages[method - 2]?.trim() !== '', `the second chapter opens on page ${method}, right after the first`);
    const annex = opening('Annex');
    assert.ok(annex > method, `the annex opens a page of its own (${annex})`);
    assert.ok(!/\bANNEX\b/.test(pages[annex - 2] ?? ''), 'the page before the annex does not carry its running head');
  });
});
