import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { build } from '../../src/build/build.js';
import { printEdition, screenEdition } from '../../src/images/edition.js';
import { packageRoot } from '../../src/package-paths.js';
import { createReporter } from '../../src/cli/reporter.js';
import { buildInTemp, buildKeepingPrinted, closeSharedBrowser, sharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfPages, pdfWords, type PdfWord } from '../helpers/poppler.js';

// tests/fixtures/layout-faults provokes faults Folio cannot mend by itself (a block too tall for the rest of its
// page, a table of words too long to fit whole) and some it mends (a table whose later rows are wider, a table
// that fits only with its words whole, a long web address); each fault must come back with its page (as printed)
// and its manuscript line.
describe('typographic faults found after layout', () => {
  let dir: string;
  let pages: string[];
  let words: PdfWord[][];
  let printedPages: string[];
  let result: Awaited<ReturnType<typeof buildKeepingPrinted>>;
  /** 1-based number of the first page whose text holds `marker`. */
  const pageOf = (marker: string) => pages.findIndex((page) => letters(page).includes(letters(marker))) + 1;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-faults-'));
    await cp(path.join(fixturesDir, 'layout-faults'), dir, { recursive: true });
    result = await buildKeepingPrinted(dir);
    pages = pdfPages(result.output);
    words = pdfWords(result.output);
    printedPages = pdfPages(result.printed);
  });
  after(closeSharedBrowser);

  test('a page left more than a third empty inside a chapter is reported on its page, at the block that did not fit', () => {
    const fault = result.layoutIssues.find((issue) => issue.kind === 'layout-empty-page');
    assert.ok(fault, JSON.stringify(result.layoutIssues));
    const opening = pageOf('A Block Too Tall for the Rest of the Page The district water boards');
    assert.equal(fault.page, opening);
    assert.equal(fault.source, '01-empty-page.md:7');
    // Really so in the PDF: the code block starts the next page, and the page holds only the two paragraphs.
    assert.ok(!letters(pages[opening - 1] ?? '').includes('step01'));
    assert.match(pages[opening] ?? '', /^\s*(\S.*\n)?\s*step 01/);
  });

  test('mended: a table whose later rows are wider keeps the columns of its first page on every page', () => {
    assert.deepEqual(result.layoutIssues.filter((issue) => issue.kind === 'layout-table-columns'), []);
    const first = pageOf('District 01');
    const later = pageOf('District 30, with its outlying villages');
    assert.ok(later > first, 'the table runs over a page turn');
    // The header row stands on both pages (repeated); each column starts at the same x on both.
    const starts = (page: number) => ['District', 'Households', 'Losses', 'Wells'].map((word) => words[page - 1]?.find((box) => box.text === word)?.xMin ?? NaN);
    const [before, after] = [starts(first), starts(later)];
    for (const [column, x] of before.entries()) assert.ok(Math.abs(x - (after[column] ?? NaN)) < 0.5, `column ${column + 1}: ${x} on page ${first}, ${after[column]} on page ${later}`);
    // The long district names have the room they need: the first column is wider than on a page of short names alone.
    assert.ok((before[1] ?? 0) - (before[0] ?? 0) > 100, `the first column is ${(before[1] ?? 0) - (before[0] ?? 0)} pt wide`);
  });

  test('mended: a table that fits with whole words has no hyphen in its cells; one that cannot is reported once, with its page and line', () => {
    const faults = result.layoutIssues.filter((issue) => issue.kind === 'layout-hyphenation');
    assert.equal(faults.length, 1, JSON.stringify(faults));
    assert.equal(faults[0]?.source, '02-tables.md:57');
    assert.equal(faults[0]?.page, pageOf('Flow Basin Reach Note'));
    // Really so in the PDF: the seven-column table prints its words whole, the ten-column one breaks a word with a
    // (soft) hyphen that prints.
    const text = printedPages.join('\n');
    const seven = text.slice(text.indexOf('Site'), text.indexOf('Ten columns'));
    assert.ok(seven.includes('characteristically') && !seven.includes('\u00AD'), seven);
    assert.match(text.slice(text.indexOf('Ten columns')), /\u00AD/);
  });

  test('mended: a long web address breaks after a slash instead of running into the margin', () => {
    assert.deepEqual(result.layoutIssues.filter((issue) => issue.kind === 'layout-overfull'), []);
    const text = pages.join('\n');
    assert.match(text, /https:\/\/data\.example\.org\/[\w/-]*\/\s*\n\s*[\w-]+\//, 'a line of the address ends at a slash');
  });

  test('--strict: the build fails, writes nothing, and every fault is printed as file:line:column with its page', async () => {
    let printed = '';
    const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => void ((printed += chunk.toString()), done()) });
    const output = path.join(dir, 'strict.pdf');
    await assert.rejects(
      build({ dir, output, browser: await sharedBrowser(), strict: true }, createReporter({ stream, color: false })),
      /2 typographic faults are left after layout .* --strict/,
    );
    assert.equal(existsSync(output), false, 'no PDF');
    assert.match(printed, /01-empty-page\.md:7:1 {2}warning {2}page \d+: the page is left \d+ % empty .* {2}layout-empty-page/);
    assert.match(printed, /02-tables\.md:57:1 {2}warning {2}page \d+: \d+ words are hyphenated in the cells of a table .* {2}layout-hyphenation/);
  });
});

// The policy paper (footnotes, figures, tables) and the seminar report provoked every page-foot fault Folio now
// mends while laying out: a figure that left its page half empty (it floats, its text's notes at the page foot), a table with one row overleaf or a caption and
// header alone at a page foot, a word broken across the page turn, a chapter ending with two lines alone on a page,
// and a chapter's contents entry alone overleaf. Both editions (other page sizes, other breaks) must come out mended,
// and the PDF must show it.
describe('page-foot faults Folio mends while laying out', () => {
  const mended = ['layout-runt-page', 'layout-empty-page', 'layout-table-break', 'layout-orphan-widow', 'layout-stranded-heading'];
  const editions = [
    ['screen', screenEdition],
    ['print', printEdition],
  ] as const;
  after(closeSharedBrowser);

  for (const [name, edition] of editions) {
    test(`the policy paper, ${name} edition: no runt, part-empty page, table break, widow, or word across a page turn`, async () => {
      const result = await buildInTemp(path.join(fixturesDir, 'policy-paper'), { edition });
      const pages = pdfPages(result.output);
      const pageOf = (marker: string) => pages.findIndex((page) => letters(page).includes(letters(marker))) + 1;
      const left = result.layoutIssues.filter((fault) => mended.includes(fault.kind) || /page turn/.test(fault.message));
      assert.deepEqual(left.map((fault) => `${fault.kind} ${fault.source ?? ''}`), []);
      // Figures 1.1 and 5.1, too tall for the room left on their pages and for being set smaller into it, open the
      // next page; the paragraphs after them fill the hole, and the notes those paragraphs call (on census and
      // scarcity in chapter 1, on Article VII in chapter 5) stand at that page's foot, not in the text.
      for (const [figure, after, last, notes] of [
        ['Figure 1.1 Mean annual flow', 'Demand, meanwhile, has grown without pause', 'the share of each that Pakistan uses.', ['Pakistan Bureau of Statistics', 'The threshold comes from Malin Falkenmark']],
        ['Figure 5.1 Live storage', 'We therefore recommend that every new storage project', 'would give up a right.', ['Article VII of the Treaty already records']],
      ] as const) {
        const page = pageOf(after);
        assert.equal(pageOf(figure), page + 1, `${figure} opens the page after the text that follows it`);
        const text = letters(pages[page - 1] ?? '');
        assert.ok(text.includes(letters(last)), `page ${page} holds the text up to "${last}"`);
        for (const note of notes) {
          assert.equal(pageOf(note), page, `note "${note}" stands on the page of its call`);
          // At the page's foot: after the last line of running text, not inside it.
          assert.ok(text.indexOf(letters(note)) > text.indexOf(letters(last)), `note "${note}" below the text on page ${page}`);
        }
      }
      // Every fault left names its page and manuscript line.
      for (const fault of result.layoutIssues) assert.match(`${fault.source ?? ''} ${fault.page}`, /^\d\d-[\w-]+\.md:\d+ \d+$/);
      // (That each note stands at the foot of its page, tagged as a Note, is accessibility-structure.test.ts's.)
      // The rivers table keeps at least two rows on the page the last row is on.
      assert.equal(pageOf('Sutlej'), pageOf('Beas'));
      // The disputes table starts on a page with its first rows, not its caption and header alone.
      assert.equal(pageOf('Table 3.1 Proceedings and project objections'), pageOf('Salal hydroelectric project'));
      // The options chapter's last page holds more than its last paragraph's four lines (two rows of the table come along).
      assert.equal(pageOf('Taken together, the options'), pageOf('4. Water charge reform'));
      assert.equal(pageOf('3. Treaty and climate annex'), pageOf('4. Water charge reform'));
    });
  }

  test('the seminar report: the word broken across the page turn goes overleaf whole, and the chapter ends with five lines or more', async () => {
    const result = await buildInTemp(path.join(packageRoot, 'manuscript'));
    const pages = pdfPages(result.output);
    assert.deepEqual(result.layoutIssues.filter((fault) => mended.includes(fault.kind) || /page turn/.test(fault.message)), []);
    // Really so in the PDF: "impor-tant" is whole on one page, and no page's text ends with a hyphenated word.
    const page = pages.findIndex((text) => /impor\u00AD?-?\s*\n?\s*tant\s+to\s+replace\s+the\s+war\s+economy/.test(text));
    assert.ok(page > 0, 'the sentence with “important” is on one page');
    for (const text of pages) assert.doesNotMatch(text.replace(/\s+\d+\s*$/, ''), /\p{L}[\u00AD-]\s*$/u, 'no page ends in a broken word');
  });
});
