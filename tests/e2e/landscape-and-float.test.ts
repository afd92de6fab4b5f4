import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { printEdition, screenEdition } from '../../src/images/edition.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { readPageLabels } from '../helpers/page-labels.js';
import { pdfImageBoxes, pdfWordBoxes } from '../helpers/placed-boxes.js';
import { letters, pdfPages } from '../helpers/poppler.js';
import { writeTestImages } from '../helpers/test-images.js';

const mm = 72 / 25.4;

/** A copy of the fixture with its generated photo. */
async function fixture(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-landscape-'));
  await cp(path.join(fixturesDir, 'landscape-and-float'), dir, { recursive: true });
  await mkdir(path.join(dir, 'images'), { recursive: true });
  await writeTestImages(path.join(dir, 'images'));
  return dir;
}

for (const edition of [screenEdition, printEdition]) {
  describe(`a landscape page and a floating figure (${edition.name} edition)`, () => {
    let pdf: string;
    let pages: string[];
    let doc: PDFDocument;
    let labels: string[];
    let result: Awaited<ReturnType<typeof buildInTemp>>;
    /** 1-based number of the page whose text holds `marker`. */
    const pageOf = (marker: string) => pages.findIndex((page) => letters(page).includes(letters(marker))) + 1;

    before(async () => {
      result = await buildInTemp(await fixture(), { edition });
      pdf = result.output;
      pages = pdfPages(pdf);
      doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
      labels = await readPageLabels(pdf);
    });
    after(closeSharedBrowser);

    test('the wide table is on a page of its own, turned in the PDF; every other page is upright', () => {
      assert.deepEqual(result.files.flatMap((file) => file.messages.map((m) => `${m.ruleId} ${m.reason}`)), [], 'no messages');
      const turned = pageOf('LANDSCAPE-LAST-ROW');
      assert.ok(turned > 0, 'the table is in the PDF');
      assert.equal(pageOf('Northern hills'), turned, 'the whole table on one page');
      assert.equal(pageOf('LANDSCAPE-BEFORE'), turned - 1, 'the text before it on the page before');
      assert.equal(pageOf('LANDSCAPE-AFTER'), turned + 1, 'the text after it on the page after');
      const figure = pageOf('LANDSCAPE-FIGURE Readings');
      assert.equal(figure, turned + 2, 'the turned figure on a page of its own after the text that follows the table');
      assert.equal(pageOf('LANDSCAPE-FIGURE-AFTER'), figure + 1);
      doc.getPages().forEach((page, index) => assert.equal(page.getRotation().angle, [turned, figure].includes(index + 1) ? 90 : 0, `page ${index + 1}'s /Rotate`));
      // The sheet itself is the report's portrait page, like every other.
      const { width, height } = doc.getPage(turned - 1).getMediaBox();
      const other = doc.getPage(turned).getMediaBox();
      assert.ok(height > width, 'a portrait sheet');
      assert.deepEqual([width, height], [other.width, other.height], 'the same sheet as the next page');
    });

    test('read upright, its text runs in reading order across the wide measure', () => {
      const turned = pageOf('LANDSCAPE-LAST-ROW');
      const lines = (pages[turned - 1] ?? '').split('\n').map((line) => line.trim().split(/\s{2,}/));
      const header = lines.find((cells) => cells[0] === 'District');
      assert.deepEqual(header, ['District', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct'], 'the header row on one line, left to right');
      const row = lines.find((cells) => cells[0] === 'Southern desert');
      assert.deepEqual(row?.slice(1), ['3,000', '3,037', '3,074', '3,111', '3,148', '3,185', '3,222', '3,259', '3,296', '3,333'], 'a row on one line, in order');
      const words = pdfWordBoxes(pdf, turned);
      const find = (text: string) => words.find((word) => word.text === text) ?? assert.fail(`${text} not on the page`);
      // Upright, the page is as wide as the sheet is high; the table takes the measure across it.
      const across = find('Oct').left + find('Oct').width - find('District').left;
      assert.ok(across > 230 * mm, `the table is ${(across / mm).toFixed(0)} mm wide, wider than the 166 mm of an upright page`);
    });

    test('its running head is at the top of the turned page and its folio at the foot, in the outer corner', () => {
      const turned = pageOf('LANDSCAPE-LAST-ROW');
      const words = pdfWordBoxes(pdf, turned);
      const upright = { width: 297 * mm, height: 210 * mm };
      // Read upright, the print edition's sheet has the crop-mark margin around the trimmed page.
      const media = doc.getPage(turned - 1).getMediaBox();
      const across = (media.height - upright.width) / 2;
      const down = (media.width - upright.height) / 2;
      for (const word of words) Object.assign(word, { left: word.left - across, top: word.top - down });
      const head = words.find((word) => word.text === 'METERING') ?? assert.fail('no running head');
      assert.ok(head.top > 0 && head.top < 30 * mm, `running head ${(head.top / mm).toFixed(0)} mm from the top of the turned page`);
      const folio = words.filter((word) => word.text === labels[turned - 1]).at(-1) ?? assert.fail(`no folio ${labels[turned - 1]}`);
      assert.ok(folio.top > upright.height - 25 * mm && folio.top < upright.height, `folio ${(folio.top / mm).toFixed(0)} mm down the turned page`);
      // The screen edition and a right-hand page print the folio on the right; a left-hand page of the print edition on the left.
      const right = edition.name === 'screen' || turned % 2 === 1;
      const centre = folio.left + folio.width / 2;
      assert.ok(right ? centre > upright.width * 0.8 : centre < upright.width * 0.2, `folio at ${(centre / mm).toFixed(0)} mm across`);
      assert.equal(labels[turned - 1], String(turned), 'the page label is its place among the pages');
    });

    test('the contents and references give the turned page and the pages after it their right numbers', () => {
      const turned = pageOf('LANDSCAPE-LAST-ROW');
      assert.match(pages[pageOf('LANDSCAPE-REF') - 1] ?? '', new RegExp(`LANDSCAPE-REF Table 1 is on page ${labels[turned - 1]}\\b`));
      const contents = pages.find((page) => /^\s*Contents/.test(page)) ?? '';
      const floats = /A figure that floats[ .]*(\d+)/.exec(contents)?.[1];
      assert.equal(floats, labels[pageOf('FILLER-A-01') - 1], 'the chapter after the turned page');
    });

    test('a floating figure that does not fit goes to the top of the next page, and the text after it fills the page', () => {
      const figure = pageOf('FLOAT-CAPTION');
      const previous = pageOf('FILLER-A-09');
      assert.equal(figure, previous + 1, 'the figure on the page after the text before it');
      // Text written after the figure fills the page the figure left.
      assert.equal(pageOf('FILLER-B-10'), previous, 'the first paragraph after the figure stays on the page before');
      const body = pdfWordBoxes(pdf, previous).filter((word) => /^FILLER|^[a-z]/.test(word.text));
      const lowest = Math.max(...body.map((word) => word.top + word.height));
      const pageHeight = doc.getPage(previous - 1).getTrimBox().height;
      const bleed = edition.name === 'print' ? (doc.getPage(previous - 1).getTrimBox().y - doc.getPage(previous - 1).getMediaBox().y) : 0;
      // Down to the foot of the text area (24 mm above the page's foot), but for a three-line paragraph that may not split (orphans and widows).
      assert.ok(lowest > bleed + pageHeight - 24 * mm - 15 * mm, `the page it left is filled down to ${((lowest - bleed) / mm).toFixed(0)} mm of ${(pageHeight / mm).toFixed(0)}`);
      const [image] = pdfImageBoxes(pdf, figure);
      assert.ok(image, 'the photo is on its page');
      assert.ok(Math.abs(image.top - bleed - 25 * mm) < 1.5 * mm, `the photo opens the page, ${((image.top - bleed) / mm).toFixed(1)} mm from its top`);
      const firstBody = pdfWordBoxes(pdf, figure).filter((word) => word.text.startsWith('FILLER')).sort((a, b) => a.top - b.top)[0];
      assert.ok(firstBody && firstBody.top > image.top + image.height, 'the text of the page under the figure');
    });

    test('a turned figure sits centred with its caption under it; the floating figure keeps its number, and @page-fig-x gives the page it moved to', () => {
      const turned = pageOf('LANDSCAPE-FIGURE Readings');
      const words = pdfWordBoxes(pdf, turned);
      const marker = words.find((word) => word.text === 'LANDSCAPE-FIGURE') ?? assert.fail('no caption');
      const caption = words.find((word) => word.text === 'Figure' && Math.abs(word.top - marker.top) < 2) ?? assert.fail('no figure number');
      // The 16:10 photo, as tall as the turned page allows, is centred, read upright, and its caption starts under its left edge.
      const [image] = pdfImageBoxes(pdf, turned);
      assert.ok(image && image.width > image.height * 1.4, 'the photo is upright on the turned page');
      assert.ok(Math.abs(image.left + image.width / 2 - doc.getPage(turned - 1).getMediaBox().height / 2) < 3 * mm, `the photo is centred (${(image.left / mm).toFixed(0)} mm from the left)`);
      assert.ok(Math.abs(image.left - caption.left) < 2, `caption at ${(caption.left / mm).toFixed(1)} mm, image at ${(image.left / mm).toFixed(1)} mm`);
      const figure = pageOf('FLOAT-CAPTION');
      assert.match(pages[figure - 1] ?? '', /Figure 2\s+FLOAT-CAPTION/);
      assert.match(pages[pageOf('FLOAT-REF') - 1] ?? '', new RegExp(`FLOAT-REF The pump house meter is Figure 2, on page ${labels[figure - 1]}\\.`));
    });

    if (edition.name === 'print') {
      test('the turned page has the trim, bleed and crop marks of every page, and the file passes preflight', () => {
        const turned = pageOf('LANDSCAPE-LAST-ROW');
        const boxes = (index: number) => {
          const page = doc.getPage(index);
          return [page.getMediaBox(), page.getBleedBox(), page.getTrimBox()].map((box) => [box.x, box.y, box.width, box.height].map((value) => value.toFixed(2)));
        };
        assert.deepEqual(boxes(turned - 1), boxes(turned), 'the same boxes as the upright page after it');
        assert.ok(Math.abs(doc.getPage(turned - 1).getTrimBox().width - 210 * mm) < 0.5, 'trimmed to A4 portrait');
        assert.deepEqual(result.preflight?.faults, [], 'preflight finds nothing a print shop would reject');
        assert.equal(result.preflight?.pagesWithoutBoxes.length, 0);
        assert.equal(result.preflight?.trim?.width, 210);
      });
    }
  });
}

describe('a booklet with a landscape page', () => {
  after(closeSharedBrowser);

  test('places the turned page on its sheet as it prints: the sheets themselves are not turned', async () => {
    const result = await buildInTemp(await fixture(), { booklet: true });
    const booklet = await PDFDocument.load(await readFile(result.output), { updateMetadata: false });
    assert.equal(booklet.getPageCount(), 8, '13 pages and three blanks on 8 A3 sides');
    for (const side of booklet.getPages()) assert.equal(side.getRotation().angle, 0);
    // The table's rows run down the sheet (the page is placed turned, as on paper): read upright, its words stand on end.
    const side = pdfPages(result.output).findIndex((text) => letters(text).includes(letters('LANDSCAPE-LAST-ROW'))) + 1;
    const words = pdfWordBoxes(result.output, side).filter((word) => word.text.length > 3 && /^[A-Z]/.test(word.text) && word.text !== 'LANDSCAPE-LAST-ROW');
    const district = words.find((word) => word.text === 'District') ?? assert.fail('the table is not on the side');
    assert.ok(district.height > district.width, 'on its sheet the turned page reads from bottom to top');
  });
});
