import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildKeepingPrinted, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfPages, pdfWords, type PdfWord } from '../helpers/poppler.js';

// tests/fixtures/page-foot-faults has one chapter per fault Folio mends while laying out, its text calibrated so that
// Paged.js alone makes that fault at the chapter's first page turn (each was seen reported with its rule switched
// off). Each test checks the PDF where the fault would be, and that the break still falls where the fault arises
// (else the fixture no longer provokes it). One build, screen edition: the rules do not depend on the page size.
describe('page-foot faults provoked on purpose, each mended', () => {
  let result: Awaited<ReturnType<typeof buildKeepingPrinted>>;
  let pages: string[];
  let printed: string[];
  let words: PdfWord[][];
  const title = 'Mended at the Page Foot';

  /** 1-based number of the first page from `from` on whose text holds `marker`. */
  const pageOf = (marker: string, from = 1) => pages.findIndex((page, index) => index + 1 >= from && letters(page).includes(letters(marker))) + 1;
  /** The lines of a page's text, without its running head and folio. */
  const bodyLines = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '' && !/^\s*\d+\s*$/.test(line) && !letters(line).startsWith(letters(title)));
  /** 1-based number of the page a chapter opens on (its title is the page's first line: the contents list it too). */
  const opening = (chapter: string) => pages.findIndex((page) => letters(bodyLines(page)[0] ?? '') === letters(chapter)) + 1;
  const faults = (kind: string) => result.layoutIssues.filter((fault) => fault.kind === kind);

  before(async () => {
    result = await buildKeepingPrinted(path.join(fixturesDir, 'page-foot-faults'));
    pages = pdfPages(result.output);
    words = pdfWords(result.output);
    printed = pdfPages(result.printed);
  });
  after(closeSharedBrowser);

  test('nothing is left to report but the picture wider than the text block, with its page and line', () => {
    const left = result.layoutIssues.map((fault) => `${fault.kind} ${fault.source ?? ''} page ${fault.page}`);
    assert.deepEqual(left, [`layout-overfull 10-images.md:5 page ${pageOf('The board’s seal, drawn by its clerk')}`]);
  });

  // 01-runt.md: four lines of the chapter go over to a last page of their own.
  test('a runt: the chapter whose last page would hold four lines sends five or more there', () => {
    assert.deepEqual(faults('layout-runt-page'), []);
    const first = opening('A Chapter That Ends Too Soon');
    const last = opening('A Heading at the Foot') - 1;
    assert.equal(last, first + 1, 'the chapter runs over one page turn');
    const lines = bodyLines(pages[last - 1] ?? '');
    assert.ok(lines.length >= 5, `the last page holds ${lines.length} lines:\n${lines.join('\n')}`);
  });

  // 02-heading.md: the section heading fits at the foot with one line of its paragraph.
  test('a heading with one line after it at the page foot goes overleaf with its paragraph', () => {
    assert.deepEqual(faults('layout-stranded-heading'), []);
    const first = opening('A Heading at the Foot');
    const heading = pageOf('What the Water Boards Can Decide', first);
    assert.equal(heading, first + 1, 'the heading opens the page after the chapter’s first');
    assert.equal(pageOf('The boards can set the rotation of turns along a watercourse, hear', first), heading);
  });

  // 03-table-head.md: Table 1's caption and header fit at the foot, its first row does not.
  test('a table’s caption and header with no row at the page foot go overleaf with its first rows', () => {
    assert.deepEqual(faults('layout-table-break'), []);
    const first = opening('A Table Caption at the Foot');
    const caption = pageOf('Table 1 Outlets and meters in the survey districts', first);
    assert.equal(caption, first + 1);
    assert.equal(pageOf('Head reach 02', first), caption);
  });

  // 04-table-rows.md: the last of the eight rows goes over alone.
  test('a table with one row overleaf carries two: the page breaks a row earlier', () => {
    const first = pageOf('Tail reach 01');
    const last = pageOf('Tail reach 08');
    assert.equal(last, first + 1, 'the table runs over a page turn');
    assert.equal(pageOf('Tail reach 07'), last);
    assert.equal(pageOf('Tail reach 06'), first);
  });

  // 05-widow.md: the auditors paragraph's last line goes over alone.
  test('a widow: a paragraph with one line overleaf carries two', () => {
    assert.deepEqual(faults('layout-orphan-widow'), []);
    const start = pageOf('The department’s own auditors reached the same conclusion');
    const end = pageOf('discussed in the spring');
    assert.equal(end, start + 1, 'the paragraph runs over a page turn');
    assert.equal(pageOf('and the boards have asked to see it, together with'), end);
  });

  // 06-orphan.md: the first line of “Above all, the farmers …” fits at the foot, the rest does not.
  test('an orphan: a paragraph with one line at the page foot goes overleaf whole', () => {
    const first = opening('A Line Alone at the Foot');
    assert.equal(pageOf('Above all, the farmers at the tail of a watercourse', first), first + 1);
    assert.equal(pageOf('paid for twice. A reform that charged', first), first + 1);
  });

  // 07-hyphen-turn.md: a paragraph's second line, ending “read-”, is the last at the foot.
  test('a word hyphenated across the page turn (“read-ings”) goes overleaf whole', () => {
    assert.deepEqual(faults('layout-hyphenation').filter((fault) => /page turn/.test(fault.message)), []);
    const first = opening('A Word Across the Page Turn');
    assert.equal(pageOf('The auditors said as much in their last report', first), first + 1);
    // As printed: no page's text ends in a word broken by a hyphen.
    for (const [index, text] of printed.entries()) {
      assert.doesNotMatch(bodyLines(text).at(-1) ?? '', /\p{L}[\u00AD-]\s*$/u, `page ${index + 1} ends in a broken word`);
    }
  });

  // 08-ladder.md: long words make three lines in a row end hyphenated.
  test('three hyphenated lines in a row: the paragraph is set again with two at most', () => {
    assert.deepEqual(faults('layout-hyphenation').filter((fault) => /hyphenated lines in a row/.test(fault.message)), []);
    const page = pageOf('In practice, intergovernmental responsibilities');
    const lines = bodyLines(printed[page - 1] ?? '');
    const start = lines.findIndex((line) => line.includes('In practice'));
    const end = lines.findIndex((line) => line.includes('rehabilitation.'));
    assert.ok(start >= 0 && end > start, lines.join('\n'));
    let run = 0;
    let longest = 0;
    for (const line of lines.slice(start, end + 1)) {
      run = /[\u00AD-]\s*$/.test(line) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assert.ok(longest > 0 && longest < 3, `${longest} hyphenated lines in a row:\n${lines.slice(start, end + 1).join('\n')}`);
  });

  // 09-nested-list.md: item 1's text ends at the foot, its nested list goes over.
  test('a list item split after its text: the line that ends its text is set flush, not stretched', () => {
    assert.deepEqual(faults('layout-justified-line'), []);
    const first = opening('A List Item Split After Its Text');
    assert.equal(pageOf('Compare the turns taken', first), first + 1, 'the nested list starts overleaf');
    const boxes = words[first - 1] ?? [];
    const last = boxes.findLast((box) => box.text === 'day.');
    assert.ok(last, 'the item’s last word on its first page');
    const measure = Math.max(...boxes.map((box) => box.xMax));
    assert.ok(measure - last.xMax > 50, `the line ends ${(measure - last.xMax).toFixed(1)} pt short of the measure`);
  });

  // 10-images.md: a 900-pixel seal inline in a paragraph, and a 1600-pixel-tall map as a figure.
  test('an image wider than the text block is reported, a figure taller than the page is set to fit it', () => {
    const first = opening('Pictures Too Large for the Page');
    const fault = faults('layout-overfull')[0];
    assert.equal(fault?.page, first);
    assert.equal(fault?.source, '10-images.md:5');
    assert.match(fault?.message ?? '', /an image is \d+ mm wider than the text block/);
    // Really so: the seal's lettering (text in the SVG) runs past the right edge of the paragraphs.
    const boxes = words[first - 1] ?? [];
    // The right edge of the text block: where the chapter's first (justified) line ends.
    const line = boxes.find((box) => box.text === 'provincial');
    const measure = Math.max(...boxes.filter((box) => Math.abs(box.yMin - (line?.yMin ?? NaN)) < 2).map((box) => box.xMax));
    const seal = boxes.find((box) => box.text === 'Board');
    assert.ok(seal && seal.xMax > measure, `the seal ends at ${seal?.xMax}, the text block at ${measure}`);
    // The 1600-pixel map stands on the chapter's first page with its caption and the paragraph after it.
    assert.equal(pageOf('Canal command', first), first);
    assert.equal(pageOf('Figure 1 The canal command, drawn taller than a page', first), first);
    assert.equal(pageOf('The map is printed at the height of the page', first), first);
  });
});

// tests/fixtures/contents-breaks: contents running over three pages, calibrated so that without the contents rule
// the first turn splits a two-line entry (7.1, its chapter's first) and the second leaves a chapter's line (15)
// alone at the foot.
describe('the contents across page turns', () => {
  let result: Awaited<ReturnType<typeof buildKeepingPrinted>>;
  let pages: string[];
  const title = 'Contents Across Pages';
  /** The first page (1-based) whose text holds `marker`: for an entry, its contents page. */
  const pageOf = (marker: string) => pages.findIndex((page) => letters(page).includes(letters(marker))) + 1;
  /** A page's first line of text below its running head. */
  const firstLine = (page: number) => (pages[page - 1] ?? '').split('\n').find((line) => line.trim() !== '' && !letters(line).startsWith(letters(title))) ?? '';

  before(async () => {
    result = await buildKeepingPrinted(path.join(fixturesDir, 'contents-breaks'));
    pages = pdfPages(result.output);
  });
  after(closeSharedBrowser);

  test('no fault is left in the contents', () => {
    assert.deepEqual(result.layoutIssues.map((fault) => `${fault.kind} page ${fault.page}: ${fault.message}`), []);
  });

  test('an entry of two lines goes overleaf whole, with its chapter’s line when it is the chapter’s first', () => {
    const entry = pageOf('7.1 A section whose title is long enough');
    assert.ok(entry > 0);
    assert.equal(pageOf('wrap onto a second line of the contents page, as some do'), entry);
    assert.match(firstLine(entry), /^\s*7 Chapter title number 7/);
  });

  test('a chapter’s line goes overleaf with its entries, and opens the page', () => {
    const chapter = pageOf('15 Chapter title number 15');
    assert.ok(chapter > pageOf('7.1 A section whose title is long enough'), 'on a later contents page');
    assert.equal(pageOf('15.1 Section 1 of chapter 15'), chapter);
    assert.match(firstLine(chapter), /^\s*15 Chapter title number 15/);
  });
});
