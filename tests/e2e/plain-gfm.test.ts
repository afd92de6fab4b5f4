import assert from 'node:assert/strict';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfFonts, pdfImages, pdfPages, renderPages } from '../helpers/poppler.js';
import { writeTestImages } from '../helpers/test-images.js';

describe('a plain-GFM manuscript with no directives', () => {
  let pdf: string;
  let pages: string[];
  let result: Awaited<ReturnType<typeof buildInTemp>>;

  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-plain-'));
    await cp(path.join(fixturesDir, 'plain-gfm'), dir, { recursive: true });
    await writeTestImages(path.join(dir, 'images'));
    result = await buildInTemp(dir);
    pdf = result.output;
    pages = pdfPages(pdf);
  });
  after(closeSharedBrowser);

  test('builds a whole report: cover, contents with both chapters, back cover', () => {
    assert.match(letters(pages[0] ?? ''), /watersecurityinsmalltowns/);
    const contents = pages.find((page) => /^\s*Contents/.test(page)) ?? '';
    for (const heading of ['Findings', 'Photographs', 'Method', 'Sampling', 'Limits']) assert.match(contents, new RegExp(`${heading}\\s+\\d+`), `contents lists ${heading}`);
    // folio check's verdict, which the build ran first: no errors, and one true warning (the badge is 600 px wide
    // but printed 120 mm wide, 127 ppi).
    assert.deepEqual(
      result.files.flatMap((file) => file.messages.map((m) => `${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason.split(' ')[0]}`)),
      ['warning image-resolution badge.png'],
    );
  });

  test('leaves no layout fault: the badge, which nothing could follow up its page, is set smaller to stand below its text', () => {
    assert.deepEqual(result.layoutIssues.map((fault) => `${fault.kind} page ${fault.page}`), []);
    const page = pages.findIndex((text) => /A PNG with a transparent background/.test(text));
    assert.ok(page >= 0);
    assert.match(pages[page] ?? '', /Figure 3/, 'the figure on the page of the sentence that introduces it');
  });

  test('repeats the header row of a table on every page it runs over', () => {
    const tablePages = pages.filter((page) => /District \d\d/.test(page));
    assert.ok(tablePages.length >= 2, `the table spans ${tablePages.length} pages`);
    for (const page of tablePages) assert.match(page, /District\s+Region\s+Households\s+Coverage/, 'header row on the page');
    const rows = tablePages.join('\n').match(/District \d\d/g) ?? [];
    assert.equal(new Set(rows).size, 70, 'every row printed once');
    assert.equal(rows.length, 70, 'no row printed twice');
  });

  test('keeps footnotes, lists, quotes and links', () => {
    const text = letters(pages.join('\n'));
    for (const phrase of ['Survey of 2024, second round', 'The questionnaire is in the annex', 'Water is a right, not a favour', 'Interview one adult', 'Thank them', 'the survey office']) {
      assert.ok(text.includes(letters(phrase)), phrase);
    }
  });

  test('embeds the photographs, the transparent PNG, and draws the SVG as vectors', () => {
    const images = pdfImages(pdf).filter((image) => image.width > 50 && image.type === 'image');
    const masks = pdfImages(pdf).filter((image) => image.type === 'smask');
    assert.ok(images.some((image) => image.width > image.height && image.xppi <= 155 && image.xppi >= 140), 'landscape photo, at screen resolution');
    assert.equal(masks.length, 1, 'the PNG keeps its transparency (a soft mask)');
    assert.ok(images.length >= 3, `${images.length} raster images`);
    for (const font of pdfFonts(pdf)) assert.ok(font.embedded && font.type !== 'Type 3', font.name);
  });

  test('prints the EXIF-rotated portrait upright', async () => {
    const page = pages.findIndex((text) => text.includes('stored rotated')) + 1;
    assert.ok(page > 0, 'the portrait caption is printed');
    const [png] = renderPages(pdf, 30, { page });
    assert.ok(png, 'the page is rendered');
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const rows = { red: [] as number[], blue: [] as number[], redColumns: new Set<number>() };
    for (let y = 0; y < info.height; y += 1) {
      for (let x = 0; x < info.width; x += 1) {
        const i = (y * info.width + x) * info.channels;
        const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (r > 200 && g < 60 && b < 60) (rows.red.push(y), rows.redColumns.add(x));
        if (b > 200 && r < 60 && g < 60) rows.blue.push(y);
      }
    }
    assert.ok(rows.red.length > 20 && rows.blue.length > 20, 'both halves of the portrait are on the page');
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    assert.ok(mean(rows.red) < mean(rows.blue), 'red (the top of the photo) prints above blue: upright');
    const redHeight = Math.max(...rows.red) - Math.min(...rows.red);
    assert.ok(redHeight < rows.redColumns.size * 1.1, 'the red half is wider than tall, as in the upright photo');
  });
});
