import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { packageRoot } from '../../src/package-paths.js';
import { bookletOrder, imposeBooklet } from '../../src/pdf/impose-booklet.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { letters, pdfFonts, pdfInfo, pdfPages, requireTool } from '../helpers/poppler.js';
import { readFile, writeFile } from 'node:fs/promises';

test('folding order of an 8-page booklet, and blanks before the back cover when padding is needed', () => {
  assert.deepEqual(bookletOrder(8), [[7, 0], [1, 6], [5, 2], [3, 4]]);
  assert.deepEqual(bookletOrder(6), [[5, 0], [1, undefined], [undefined, 2], [3, 4]]);
});

describe('the seminar report as a booklet', () => {
  let a4: string;
  let booklet: string;

  before(async () => {
    const result = await buildInTemp(path.join(packageRoot, 'manuscript'));
    a4 = result.output;
    booklet = path.join(result.outDir, 'booklet.pdf');
    await writeFile(booklet, await imposeBooklet(await readFile(a4)));
  });
  after(closeSharedBrowser);

  test('has a sheet side per two pages, on A3 landscape', () => {
    const pages = pdfInfo(a4).pages;
    const { pages: sides, fields } = pdfInfo(booklet);
    assert.equal(sides, Math.ceil(pages / 4) * 2);
    assert.match(fields['Page size'] ?? '', /^1190\.55 x 841\.89 pts \(A3\)/);
  });

  test('puts the pages in folding order: the stack folded reads 1, 2, 3, … with the back cover last', () => {
    requireTool('pdftotext');
    const originals = pdfPages(a4).map((text) => letters(text));
    const half = (side: number, which: 'left' | 'right') =>
      letters(execFileSync('pdftotext', ['-f', String(side), '-l', String(side), '-x', which === 'left' ? '0' : '596', '-y', '0', '-W', '594', '-H', '842', '-layout', booklet, '-'], { encoding: 'utf8' }));
    const identify = (text: string) => (text === '' ? undefined : originals.findIndex((original) => original === text) + 1 || `unknown: ${text.slice(0, 40)}`);
    const { pages: sides } = pdfInfo(booklet);
    const found = Array.from({ length: sides }, (_, i) => [identify(half(i + 1, 'left')), identify(half(i + 1, 'right'))]);
    // Fold the stack: the first halves of the book are the right of each front and the left of each back, sheet by
    // sheet; the second halves come back the other way.
    const sheets = Array.from({ length: sides / 2 }, (_, s) => ({ front: found[2 * s] ?? [], back: found[2 * s + 1] ?? [] }));
    const reading = [...sheets.flatMap((sheet) => [sheet.front[1], sheet.back[0]]), ...[...sheets].reverse().flatMap((sheet) => [sheet.back[1], sheet.front[0]])];
    const pages = originals.length;
    const blanks = reading.length - pages;
    const expected = [...Array.from({ length: pages - 1 }, (_, i) => i + 1), ...Array.from({ length: blanks }, () => undefined), pages];
    assert.deepEqual(reading, expected);
  });

  test('keeps text as text and fonts embedded', () => {
    for (const font of pdfFonts(booklet)) assert.ok(font.embedded && font.type !== 'Type 3', font.name);
  });
});
