import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { build } from '../../src/build/build.js';
import { createReporter } from '../../src/cli/reporter.js';
import { buildInTemp, closeSharedBrowser, sharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfPages } from '../helpers/poppler.js';

// tests/fixtures/layout-faults provokes faults Folio cannot mend by itself (a block too tall for the rest of its
// page, a table whose later rows are wider, words too long for narrow table cells) and one it mends (a long web
// address); each fault must come back with its page (as printed) and its manuscript line.
describe('typographic faults found after layout', () => {
  let dir: string;
  let pages: string[];
  let result: Awaited<ReturnType<typeof buildInTemp>>;
  /** 1-based number of the first page whose text holds `marker`. */
  const pageOf = (marker: string) => pages.findIndex((page) => letters(page).includes(letters(marker))) + 1;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-faults-'));
    await cp(path.join(fixturesDir, 'layout-faults'), dir, { recursive: true });
    result = await buildInTemp(dir);
    pages = pdfPages(result.output);
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

  test('a table whose columns change width from one page to the next is reported on the page where they change', () => {
    const fault = result.layoutIssues.find((issue) => issue.kind === 'layout-table-columns');
    assert.ok(fault, JSON.stringify(result.layoutIssues));
    assert.equal(fault.source, '02-tables.md:5');
    assert.equal(fault.page, pageOf('District 30, with its outlying villages'));
    assert.notEqual(pageOf('District 01'), fault.page, 'the table began on an earlier page');
  });

  test('words hyphenated in table cells are reported once for the table, with its page and line', () => {
    const faults = result.layoutIssues.filter((issue) => issue.kind === 'layout-hyphenation');
    assert.equal(faults.length, 1, JSON.stringify(faults));
    assert.equal(faults[0]?.source, '02-tables.md:50');
    assert.equal(faults[0]?.page, pageOf('transmiss'));
    // Really so in the PDF: a cell's line ends with a (soft) hyphen that prints.
    assert.match(pages[(faults[0]?.page ?? 0) - 1] ?? '', /transmissibil\u00AD/);
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
      /3 typographic faults are left after layout .* --strict/,
    );
    assert.equal(existsSync(output), false, 'no PDF');
    assert.match(printed, /01-empty-page\.md:7:1 {2}warning {2}page \d+: the page is left \d+ % empty .* {2}layout-empty-page/);
    assert.match(printed, /02-tables\.md:5:1 {2}warning {2}page \d+: the table starting “District 01” has columns of other widths .* {2}layout-table-columns/);
  });
});
