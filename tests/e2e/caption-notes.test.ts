import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { printEdition } from '../../src/images/edition.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfPages, pdfWords, type PdfWord } from '../helpers/poppler.js';

const fixture = path.join(fixturesDir, 'caption-notes');

/** The number raised right after `word` (a note marker), if any. */
function markerAfter(words: readonly PdfWord[], word: PdfWord | undefined): string | undefined {
  if (!word) return undefined;
  return words.find((other) => /^\d+$/.test(other.text) && Math.abs(other.xMin - word.xMax) < 2 && other.yMin < word.yMin - 1 && other.yMax > word.yMin)?.text;
}

for (const edition of ['screen', 'print'] as const) {
  describe(`note markers in captions, ${edition} edition`, () => {
    let pages: PdfWord[][];
    let text: string[];
    before(async () => {
      const built = await buildInTemp(fixture, edition === 'print' ? { edition: printEdition } : {});
      pages = pdfWords(built.output);
      text = pdfPages(built.output);
    });
    after(closeSharedBrowser);

    test('markers in a figure caption, a table caption and a cell are numbered in reading order, each note at the foot of its page', () => {
      const page = pages.findIndex((words) => words.some((word) => word.text === 'Indus'));
      const words = pages[page] ?? [];
      const find = (value: string) => words.find((word) => word.text === value);
      assert.equal(markerAfter(words, find('months.')), '1', 'the running text: note 1');
      assert.equal(markerAfter(words, find('rivers.')), '2', 'the figure caption: note 2');
      assert.equal(markerAfter(words, find('stations')), '3', 'the table caption, above the table: note 3');
      assert.equal(markerAfter(words, find('Indus')), '4', 'the table cell: note 4');
      const table = find('Jhelum');
      assert.ok(table);
      let previous = table.yMax;
      for (const [number, first] of [['1', 'Between'], ['2', 'Gauged'], ['3', 'Means'], ['4', 'Main']] as const) {
        const note = words.find((word, index) => word.text === number && words[index + 1]?.text === first);
        assert.ok(note, `note ${number} printed with its number`);
        assert.ok(note.yMin > previous, `note ${number} below the text and the notes before it`);
        previous = note.yMin;
      }
    });

    test('a marker in the brackets of a :::figure caption is numbered after the others, its note at the foot of its page', () => {
      // The page whose foot holds the note (the list of figures gives the caption too, without its marker).
      const page = pages.findIndex((words) => words.some((word) => word.text === 'Monthly'));
      assert.ok(page >= 0, 'the note is printed');
      const words = pages[page] ?? [];
      const month = words.find((word, index) => word.text.startsWith('month') && words[index - 1]?.text === 'by');
      assert.equal(markerAfter(words, month), '5', 'the caption, with its marker, on the page of the note');
      assert.ok(words.some((word, index) => word.text === '5' && words[index + 1]?.text === 'Monthly'), 'note 5 at the foot of the same page');
    });

    test('the lists of figures and tables give the captions without their markers', () => {
      const lists = text.find((page) => /^\s*Figures\s*$/m.test(page)) ?? '';
      assert.match(lists, /Mean annual flow of the rivers\.\s+\d+\s*$/m);
      assert.match(lists, /The rivers at the rim stations\s+\d+\s*$/m);
      assert.ok(!letters(lists).includes(letters('rivers2')) && !letters(lists).includes(letters('stations3')));
    });
  });
}
