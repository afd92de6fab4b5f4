import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { printEdition, screenEdition } from '../../src/images/edition.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { pdfImageBoxes, pdfWordBoxes } from '../helpers/placed-boxes.js';
import { letters, pdfImages, pdfInfo, pdfPages, renderPages } from '../helpers/poppler.js';
import { writeTestImages } from '../helpers/test-images.js';

/** The text width of an A4 page in the theme: 210 mm less 24 mm and 20 mm margins, in points. */
const textWidth = ((210 - 24 - 20) / 25.4) * 72;

for (const edition of [screenEdition, printEdition]) {
  describe(`the authors' layout controls (${edition.name} edition)`, () => {
    let pdf: string;
    let pages: string[];
    let result: Awaited<ReturnType<typeof buildInTemp>>;
    /** 1-based number of the page whose text holds `marker`. */
    const pageOf = (marker: string) => pages.findIndex((page) => letters(page).includes(letters(marker))) + 1;
    /** The page's lines of body text, running head and folio left out. */
    const bodyLines = (page: number) => (pages[page - 1] ?? '').split('\n').filter((line) => line.trim()).slice(1, -1);

    before(async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-layout-'));
      await cp(path.join(fixturesDir, 'layout-controls'), dir, { recursive: true });
      await mkdir(path.join(dir, 'images'), { recursive: true });
      await writeTestImages(path.join(dir, 'images'));
      result = await buildInTemp(dir, { edition });
      pdf = result.output;
      pages = pdfPages(pdf);
    });
    after(closeSharedBrowser);

    test('prints the series and number, and the authors, on the cover and the title page; the authors are the PDF author', () => {
      assert.deepEqual(result.files.flatMap((file) => file.messages.map((m) => `${m.ruleId} ${m.reason}`)), [], 'no messages');
      const cover = letters(pages[0] ?? '');
      // The first page with the roles: the title page (the print edition has a blank page before it).
      const title = letters(pages[pageOf('Senior Research Fellow') - 1] ?? '');
      for (const page of [cover, title]) {
        assert.ok(page.includes(letters('Policy Paper No. 14')), 'series and number');
        assert.ok(page.includes(letters('Dr. Amina Qureshi')) && page.includes(letters('Omar Siddiqui')), 'both authors');
      }
      assert.ok(title.includes(letters('Senior Research Fellow Centre for Water Policy')), 'role and affiliation on the title page');
      assert.equal(pdfInfo(pdf).fields['Author'], 'Dr. Amina Qureshi, Omar Siddiqui');
    });

    test('::pagebreak starts a new page with what follows it', () => {
      const before = pageOf('BREAKMARK-BEFORE');
      const afterBreak = pageOf('BREAKMARK-AFTER');
      assert.equal(afterBreak, before + 1);
      assert.match(bodyLines(afterBreak)[0] ?? '', /BREAKMARK-AFTER/, 'the first line of its page');
      assert.ok(bodyLines(before).length < 40, `the page before ends early (${bodyLines(before).length} lines)`);
    });

    test(':::keep moves the protocol whole to the next page rather than split it', () => {
      const start = pageOf('KEEP-START');
      for (const marker of ['KEEP-01', 'KEEP-05', 'KEEP-10', 'KEEP-END']) assert.equal(pageOf(marker), start, marker);
      assert.match(bodyLines(start)[0] ?? '', /KEEP-START/, 'the block opens its page');
      assert.ok(letters(bodyLines(start - 1).slice(-2).join(' ')).includes('whateachhouseholdpaidandwhen'), 'the page before is filled with text up to it');
      assert.ok(letters(bodyLines(start - 1).join(' ')).includes('fillerparagraph13'), 'the last paragraph before the block');
    });

    test(':::figure{width=half} is half the text width; side-by-side images share a baseline', () => {
      const images = pdfImageBoxes(pdf, pageOf('Monthly readings in one district'));
      assert.equal(images.length, 3, 'one half-width image and two side by side');
      const [half, left, right] = images as [typeof images[0], typeof images[0], typeof images[0]];
      assert.ok(Math.abs(half.width / textWidth - 0.5) < 0.02, `half width: ${half.width.toFixed(1)} of ${textWidth.toFixed(1)} pt`);
      assert.ok(Math.abs(left.top + left.height - (right.top + right.height)) <= 1, 'bottoms on one line');
      assert.ok(right.left > left.left + left.width, 'side by side, not stacked');
      assert.ok(Math.abs(right.left + right.width - left.left - textWidth) < 3, 'together they fill the measure');
    });

    test('a ::continue chapter shares the page where the chapter before ends', () => {
      const end = pageOf('CHAPTER-TWO-END');
      assert.equal(pageOf('CHAPTER-THREE-START'), end);
      assert.match(pages[end - 1] ?? '', /Tables in brief/);
      const contents = pages.find((page) => /^\s*Contents/.test(page)) ?? '';
      const number = (title: string) => new RegExp(`${title}[ .]*(\\d+)`).exec(contents)?.[1];
      assert.equal(number('Tables in brief'), number('Figures'), 'one page number for both chapters in the contents');
    });

    test(':::table sets the column widths in proportion, right-aligns the numbers, in smaller type', () => {
      const words = pdfWordBoxes(pdf, pageOf('Northern hills'));
      const find = (text: string) => words.find((word) => word.text === text) ?? assert.fail(`${text} not on the page`);
      const district = find('District');
      const households = find('Households');
      const figure = find('12,400');
      const tableLeft = district.left - (1.6 / 25.4) * 72;
      // widths="3 1 1 1": the second column ends at (3 + 1) / 6 of the table, less its padding.
      const secondEnd = tableLeft + (textWidth * 4) / 6 - (1.6 / 25.4) * 72;
      assert.ok(Math.abs(figure.left + figure.width - secondEnd) < 3, `12,400 ends at ${(figure.left + figure.width).toFixed(1)}, column at ${secondEnd.toFixed(1)}`);
      assert.ok(Math.abs(households.left + households.width - (figure.left + figure.width)) < 2, 'the header right-aligned with its numbers');
      const body = find('CHAPTER-THREE-START');
      assert.ok(figure.height < body.height * 0.9, `table type ${figure.height.toFixed(1)} pt high, text ${body.height.toFixed(1)} pt`);
    });

    test('about the authors: a portrait beside the first, text alone for the second (no initials)', () => {
      const page = pageOf('Amina Qureshi has studied');
      assert.equal(pdfImageBoxes(pdf, page).length, 1, 'one portrait');
      assert.doesNotMatch(pages[page - 1] ?? '', /\bOS\b/, 'no initials for the author without a photo');
      assert.equal(pageOf('Omar Siddiqui kept the ledgers'), page);
    });

    test('the back cover carries the ISBN as text and its EAN-13 barcode as vector bars', async () => {
      const last = pages.length;
      assert.match(pages[last - 1] ?? '', /ISBN 978-0-306-40615-7/, 'the ISBN-10 of report.yaml printed as its ISBN-13');
      const imprint = pages.findIndex((page) => /ISBN 978-0-306-40615-7/.test(page));
      assert.ok(imprint > 0 && imprint < pages.findIndex((page) => /Contents/.test(page)), `the imprint page before the contents carries the ISBN too (page ${imprint + 1})`);
      assert.equal(pdfImages(pdf).filter((image) => image.page === last).length, 0, 'no raster image: the bars are vector');
      const [file] = renderPages(pdf, 150, { page: last, gray: true });
      const { data, info } = await sharp(file).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      let barRows = 0;
      for (let y = 0; y < info.height; y += 1) {
        let edges = 0;
        for (let x = 1; x < info.width; x += 1) if ((data[y * info.width + x]! < 128) !== (data[y * info.width + x - 1]! < 128)) edges += 1;
        // EAN-13 has 30 bars: at least 60 edges from dark to light and back on one row.
        if (edges >= 58) barRows += 1;
      }
      assert.ok(barRows > 60, `${barRows} rows of pixels cross the bars (about 1 cm of bars at 150 ppi)`);
    });
  });
}
