import assert from 'node:assert/strict';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { check } from '../../src/build/check.js';
import { createReporter } from '../../src/cli/reporter.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { pdfFonts, pdfPages, pdfWords, type PdfWord } from '../helpers/poppler.js';

/** The fonts Folio bundles, as the PDF names them (a subset tag, then the face). */
const bundled = /^[A-Z]{6}\+(SourceSans3|SourceSerif4|SourceCodePro|NotoNaskhArabic|NotoNastaliqUrdu)/;

/** The x where each of `words` starts in the table's header row (the line holding `Rises in`), in points. */
function headerStarts(page: readonly PdfWord[], words: readonly string[]): number[] {
  const anchor = page.find((box, index) => box.text === 'Project' && page[index + 1]?.text === 'or');
  const row = page.filter((box) => anchor && Math.abs(box.yMin - anchor.yMin) < 2);
  return words.map((word) => row.find((box) => box.text === word)?.xMin ?? Number.NaN);
}

// The policy paper's tables as Folio sets them: each keeps its columns on every page it runs over, and its cells
// hold whole words when the table fits its measure that way; its charts and the charts fixture print in the
// report's fonts, whatever the machine has.
describe('tables and charts', () => {
  after(closeSharedBrowser);

  describe('the policy paper', () => {
    let result: Awaited<ReturnType<typeof buildInTemp>>;
    let pages: string[];
    let words: PdfWord[][];
    before(async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-tables-'));
      await cp(path.join(fixturesDir, 'policy-paper'), dir, { recursive: true });
      result = await buildInTemp(dir);
      pages = pdfPages(result.output);
      words = pdfWords(result.output);
    });

    test('Table 3.1 runs over a page turn with its columns where they were on its first page', () => {
      assert.deepEqual(result.layoutIssues.filter((issue) => issue.kind === 'layout-table-columns'), []);
      const header = ['Year', 'Project', 'River', 'Raised', 'Forum', 'Outcome'];
      const holding = pages.flatMap((page, index) => (/Project or question\s+River\s+Raised by/.test(page) ? [index] : []));
      assert.ok(holding.length >= 2, `the table's header stands on pages ${holding.map((index) => index + 1).join(', ')}`);
      const [first, ...later] = holding.map((index) => headerStarts(words[index] ?? [], header));
      assert.ok(first?.every((x) => Number.isFinite(x)), `the header row on page ${(holding[0] ?? 0) + 1}: ${first?.join(', ')}`);
      for (const [page, starts] of later.entries()) {
        assert.equal(starts.length, first?.length);
        for (const [column, x] of starts.entries()) assert.ok(Math.abs(x - (first?.[column] ?? Number.NaN)) < 0.5, `page ${(holding[page + 1] ?? 0) + 1}, column ${column + 1}: ${x} against ${first?.[column]}`);
      }
    });

    test('no word is hyphenated in a table cell, and the narrow number columns keep their numbers on one line', () => {
      assert.deepEqual(result.layoutIssues.filter((issue) => issue.kind === 'layout-hyphenation' && /table/.test(issue.message)), []);
      // Table 4.1, ten columns: its words whole ("allocation", "recovery"), each figure on one line of its cell.
      const page = pages.find((text) => /Provinces compared/.test(text) && /Punjab\s+127\.7/.test(text));
      assert.ok(page, 'Table 4.1 is on a page');
      const table = page.slice(page.indexOf('Table 4.1 Provinces'), page.indexOf('4.2 Price'));
      assert.match(table, /allocation/);
      assert.doesNotMatch(table, /\u00AD/);
      assert.match(page, /Punjab\s+127\.7\s+205\s+55\.94\s+12\.4\s+1,030\s+52 ?%\s+400\s+23 ?%\s+4\.8/);
      // And Table 3.1's project names are not squeezed: "drawdown" whole.
      const all = pages.join('\n');
      assert.match(all, /\bdrawdown\b/);
      assert.doesNotMatch(all, /draw\u00AD/);
    });

    test('every font in the PDF is one Folio bundles: the charts are PNG, the tables and text in the theme faces', () => {
      const fonts = pdfFonts(result.output);
      assert.ok(fonts.length > 0);
      for (const font of fonts) assert.match(font.name, bundled, `${font.name} is not a bundled font`);
    });
  });

  describe('SVG charts', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'folio-charts-'));
      await cp(path.join(fixturesDir, 'svg-fonts'), dir, { recursive: true });
    });

    test('the text of an SVG chart and the code print in the report\'s faces, not in the machine\'s (no DejaVu)', async () => {
      const result = await buildInTemp(dir);
      const fonts = pdfFonts(result.output);
      for (const font of fonts) assert.match(font.name, bundled, `${font.name} is not a bundled font`);
      assert.ok(!fonts.some((font) => /DejaVu/i.test(font.name)), 'no DejaVu');
      // The chart's own words are in the PDF as text, in the sans (title, labels), the serif (its source line) and
      // the monospace (its column name); the inline code and the code block in the monospace.
      const text = pdfPages(result.output).join('\n');
      for (const word of ['Storage by reservoir', 'Tarbela', 'Diamer', 'Source: WAPDA', 'Flow in a named face', 'storage_maf', 'cut -d, -f1,4 storage.csv']) assert.ok(text.includes(word), word);
      assert.ok(fonts.some((font) => /SourceSerif4-Italic/.test(font.name)), 'the chart\'s serif italic source line');
      // (Fontsource's static faces carry the variable font's name, so pdffonts lists "SourceCodeProExtraLight-Regular".)
      assert.ok(fonts.some((font) => /^[A-Z]{6}\+SourceCodePro/.test(font.name)), `the code in Source Code Pro: ${fonts.map((font) => font.name).join(', ')}`);
      for (const font of fonts) assert.ok(font.embedded && font.type !== 'Type 3', `${font.name}: ${font.type}`);
    });

    test('folio check warns at the image\'s line when an SVG names a family the report does not bundle', async () => {
      let printed = '';
      const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => void ((printed += chunk.toString()), done()) });
      const reporter = createReporter({ stream, color: false });
      const { files } = await check(dir, reporter);
      reporter.messages(files);
      const messages = files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'image-font').map((message) => ({ file: path.basename(file.path), line: message.line, reason: message.reason })));
      assert.equal(messages.length, 1, JSON.stringify(messages));
      assert.equal(messages[0]?.file, '01-charts.md');
      assert.equal(messages[0]?.line, 9);
      assert.match(messages[0]?.reason ?? '', /named-chart\.svg sets text in “Comic Neue”/);
      assert.match(printed, /01-charts\.md:9:1 {2}warning {2}named-chart\.svg sets text in “Comic Neue”.* {2}image-font/);
    });
  });
});
