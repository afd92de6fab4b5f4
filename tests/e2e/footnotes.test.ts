import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FootnoteDefinition, FootnoteReference, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { printEdition } from '../../src/images/edition.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import sharp from 'sharp';
import { letters, pdfFonts, pdfPages, pdfWords, renderPages, type PdfWord } from '../helpers/poppler.js';

const fixture = path.join(fixturesDir, 'footnotes');

/** A note as the manuscript has it: its number in each numbering, its first and last words, and the word before each marker. */
interface Note {
  readonly chapter: number;
  readonly label: string;
  readonly numbers: { readonly chapter: number; readonly report: number };
  readonly first: string;
  readonly last: string;
  /** The word right before each of its markers, in order (empty when a marker opens its paragraph). */
  readonly before: string[];
}

/** Read the fixture's notes from its Markdown, numbered as Folio must number them. */
async function readNotes(dir: string): Promise<Note[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const notes: Note[] = [];
  for (const [chapter, name] of files.entries()) {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(await readFile(path.join(dir, name), 'utf8')) as Root;
    const definitions = new Map<string, string>();
    visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => void definitions.set(node.identifier, toString(node)));
    const inChapter: Note[] = [];
    visit(tree, 'footnoteReference', (node: FootnoteReference, index, parent) => {
      const text = parent && index !== undefined ? parent.children.slice(0, index).map((child) => toString(child as Nodes)).join('') : '';
      const word = letters(text.trim().split(/\s+/).pop() ?? '');
      const known = inChapter.find((note) => note.label === node.identifier);
      if (known) return void known.before.push(word);
      const words = (definitions.get(node.identifier) ?? '').split(/\s+/).filter(Boolean);
      const offset = notes.length;
      inChapter.push({
        chapter,
        label: node.identifier,
        numbers: { chapter: inChapter.length + 1, report: offset + inChapter.length + 1 },
        first: letters(words.slice(0, 4).join(' ')),
        last: letters(words.slice(-4).join(' ')),
        before: [word],
      });
    });
    notes.push(...inChapter);
  }
  return notes;
}

/** The fixture with other `notes:` settings, in a temporary folder. */
async function variant(placement: string, numbering: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-notes-'));
  await cp(fixture, dir, { recursive: true });
  const yaml = await readFile(path.join(dir, 'report.yaml'), 'utf8');
  await writeFile(path.join(dir, 'report.yaml'), yaml.replace(/placement: \S+/, `placement: ${placement}`).replace(/numbering: \S+/, `numbering: ${numbering}`));
  return dir;
}

/** The size of running text: the most common word height. */
function bodyHeight(pages: PdfWord[][]): number {
  const counts = new Map<number, number>();
  for (const word of pages.flat()) counts.set(Math.round(word.yMax - word.yMin), (counts.get(Math.round(word.yMax - word.yMin)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The word a note marker is set against: a number raised above a word that ends where it begins. (Markers are drawn after the line, so it is found by place, not order.) */
function markedWord(words: readonly PdfWord[], word: PdfWord | undefined): PdfWord | undefined {
  if (!word || !/^\d+$/.test(word.text)) return undefined;
  return words.find((other) => other !== word && Math.abs(other.xMax - word.xMin) < 2 && other.yMin < word.yMax && other.yMax > word.yMin && other.yMin > word.yMin + 1);
}

/** Where each marker and each note stands: page index and the note's first line. */
function locate(pages: PdfWord[][], notes: readonly Note[], numbering: 'chapter' | 'report', endnotes: boolean) {
  return notes.map((note) => {
    const number = String(note.numbers[numbering]);
    const markers: number[] = [];
    for (const before of note.before) {
      const matches = (word: PdfWord | undefined) => !!word && (before === '' || (letters(word.text) !== '' && (before.endsWith(letters(word.text)) || letters(word.text).endsWith(before))));
      // A word hyphenated at a line's end reads whole on its first line (/ActualText) and its second half, which the
      // marker follows, as nothing: then the marker, raised, follows that word in reading order, from the line above.
      const afterBrokenWord = (words: readonly PdfWord[], word: PdfWord) => {
        const previous = words[words.indexOf(word) - 1];
        const raised = previous && previous.yMax < word.yMin + 2 && word.yMax - word.yMin < (previous.yMax - previous.yMin) * 0.9;
        return raised && before !== '' && matches(previous) ? previous : undefined;
      };
      markers.push(pages.findIndex((words) => words.some((word) => word.text === number && (matches(markedWord(words, word)) || afterBrokenWord(words, word) !== undefined))));
    }
    // A note opens with its number (a list number "1." for endnotes), then its text.
    const label = endnotes ? `${number}.` : number;
    let start: { page: number; word: PdfWord } | undefined;
    let end: number | undefined;
    for (const [page, words] of pages.entries()) {
      for (const [index, word] of words.entries()) {
        if (!start && word.text === label && !markedWord(words, word) && letters(words.slice(index + 1, index + 8).map((w) => w.text).join('')).startsWith(note.first)) start = { page, word };
      }
      if (start && end === undefined && page >= start.page && letters(words.map((w) => w.text).join('')).includes(note.last)) end = page;
    }
    return { note, number, markers, start, end };
  });
}

describe('footnotes at the foot of the page', () => {
  let notes: Note[];
  before(async () => {
    notes = await readNotes(fixture);
  });
  after(closeSharedBrowser);

  test('the fixture has notes of several paragraphs, a long one, many on one chapter, and markers in every kind of place', async () => {
    assert.ok(notes.length >= 25, `${notes.length} notes`);
    const source = (await Promise.all((await readdir(fixture)).filter((name) => name.endsWith('.md')).map((name) => readFile(path.join(fixture, name), 'utf8')))).join('\n');
    for (const [place, pattern] of Object.entries({ italics: /\*[^*\n]+\*,?\[\^/, bold: /\*\*[^*\n]+\*\*\[\^/, quotation: /^>.*\[\^/m, 'list item': /^(?:-|\d\.) .*\[\^/m, 'table cell': /^\|.*\[\^[^\]]+\] *\|/m })) {
      assert.match(source, pattern, `a marker in ${place}`);
    }
  });

  for (const edition of ['screen', 'print'] as const) {
    describe(`in the ${edition} edition, numbered ${edition === 'screen' ? 'by chapter' : 'through the report'}`, () => {
      const numbering = edition === 'screen' ? 'chapter' : 'report';
      let pdf: string;
      let pages: PdfWord[][];
      let messages: string[];
      before(async () => {
        const result = await buildInTemp(await variant('footnotes', numbering), edition === 'print' ? { edition: printEdition } : {});
        pdf = result.output;
        pages = pdfWords(pdf);
        messages = result.files.flatMap((file) => file.messages.map((message) => `${message.ruleId ?? ''} ${message.reason}`));
      });

      test('builds without a message, every font embedded and none a Type 3 font (markers in italics and quotations included)', () => {
        assert.deepEqual(messages, []);
        for (const font of pdfFonts(pdf)) assert.ok(font.embedded && font.type !== 'Type 3', `${font.name}: ${font.type}`);
      });

      test("each note starts on its marker's page, below all of its text, numbered as its marker; a long one continues on the next page only", () => {
        const body = bodyHeight(pages);
        let continued = 0;
        for (const { note, number, markers, start, end } of locate(pages, notes, numbering, false)) {
          const name = `note ${number} (${note.label})`;
          assert.ok(markers.every((page) => page >= 0), `${name}: every marker is printed, raised, after its word`);
          assert.ok(start, `${name}: printed with its number`);
          assert.equal(start.page, markers[0], `${name}: on the page of its marker`);
          const text = (pages[start.page] ?? []).filter((word) => word.yMax - word.yMin >= body - 0.5);
          assert.ok(text.length > 0, `${name}: its page holds text, not only notes`);
          assert.ok(start.word.yMin > Math.max(...text.map((word) => word.yMax)), `${name}: below the page's text, at its foot`);
          assert.ok(end === start.page || end === start.page + 1, `${name}: ends on its page or the next (${end})`);
          if (end === start.page + 1) {
            continued += 1;
            const next = pages[end] ?? [];
            const nextText = next.filter((word) => word.yMax - word.yMin >= body - 0.5);
            assert.ok(nextText.length > 0, `${name}: the page it continues on holds text too`);
            const lastWords = letters(note.last);
            const firstNoteLine = Math.min(...next.filter((word) => word.yMin > Math.max(...nextText.map((w) => w.yMax))).map((word) => word.yMin));
            const continuation = next.find((word) => word.yMin === firstNoteLine);
            assert.ok(continuation && !/^\d+$/.test(continuation.text), `${name}: continues at the top of the next page's notes, before any other note (${continuation?.text})`);
            assert.ok(lastWords.length > 0);
          }
        }
        assert.ok(continued >= 1, 'the long note continues on the next page');
      });

      test(edition === 'screen' ? 'laid out in two parts side by side, every page reads as laid out whole' : 'as a booklet, every font embedded and none a Type 3 font', async () => {
        const other = await buildInTemp(await variant('footnotes', numbering), edition === 'print' ? { edition: printEdition, booklet: true } : { parts: 2 });
        if (edition === 'print') {
          for (const font of pdfFonts(other.output)) assert.ok(font.embedded && font.type !== 'Type 3', `${font.name}: ${font.type}`);
          return;
        }
        // The same words on every page (pdftotext's layout mode may line a raised marker up differently by a hair).
        const words = (file: string) => pdfWords(file).map((page) => page.map((word) => word.text).sort());
        assert.deepEqual(words(other.output), words(pdf));
      });

      test('a line carrying a marker keeps the leading of its neighbours', () => {
        const body = bodyHeight(pages);
        let checked = 0;
        for (const words of pages) {
          // Lines of running text, each at the top most of its words share (an italic or bold word's box differs by a hair).
          const lines: PdfWord[][] = [];
          for (const word of words.filter((w) => Math.abs(w.yMax - w.yMin - body) < 0.5).sort((a, b) => a.yMin - b.yMin)) {
            const last = lines[lines.length - 1];
            if (last && word.yMin - (last[0]?.yMin ?? 0) < 3) last.push(word);
            else lines.push([word]);
          }
          const tops = lines.map((line) => {
            const values = line.map((word) => Math.round(word.yMin * 10) / 10);
            return [...new Set(values)].sort((a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length)[0] ?? 0;
          });
          const starts = lines.map((line) => Math.min(...line.map((word) => word.xMin)));
          const margin = Math.min(...starts);
          const gaps = tops.slice(1).map((top, index) => top - (tops[index] ?? 0));
          const leading = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
          for (const word of words) {
            const marked = markedWord(words, word);
            const line = marked ? lines.findIndex((group) => group.includes(marked)) : -1;
            // Lines of paragraphs only, at the text's left edge: list items and quotations keep space between them.
            if (line < 1 || Math.abs((starts[line] ?? 0) - margin) > 1 || Math.abs((starts[line - 1] ?? 0) - margin) > 1) continue;
            const above = (tops[line] ?? 0) - (tops[line - 1] ?? 0);
            // Lines snap to whole pixels (0.75 pt); a raised figure that opened its line would push it down by two points or
            // more, a new paragraph by more still.
            assert.ok(Math.abs(above - leading) < 1.05 || above > leading + 4, `the line of marker ${word.text} ("${marked?.text ?? ''}") stands ${above.toFixed(1)} pt below the one above, the leading being ${leading.toFixed(1)} pt`);
            checked += 1;
          }
        }
        // Not measured: a marker after a word hyphenated at a line's end, whose text reads on the line above.
        assert.ok(checked >= 8, `${checked} markers checked`);
      });

      test('the notes stand under a short rule', async () => {
        const located = locate(pages, notes, numbering, false).filter((entry) => entry.start);
        const first = located[0]?.start;
        assert.ok(first);
        const words = pages[first.page] ?? [];
        const body = bodyHeight(pages);
        const textBottom = Math.max(...words.filter((word) => word.yMax - word.yMin >= body - 0.5).map((word) => word.yMax));
        const firstNote = Math.min(...words.filter((word) => word.yMin > textBottom).map((word) => word.yMin));
        const left = Math.min(...words.map((word) => word.xMin));
        const [png] = renderPages(pdf, 144, { page: first.page + 1, gray: true });
        const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
        const scale = 2;
        let rule = 0;
        for (let y = Math.ceil(textBottom * scale); y < Math.floor(firstNote * scale); y += 1) {
          let run = 0;
          while ((data[(y * info.width + Math.round(left * scale) + run) * info.channels] ?? 255) < 240) run += 1;
          rule = Math.max(rule, run / scale);
        }
        // 32 mm is about 91 pt: a short rule, not the width of the text.
        assert.ok(rule > 80 && rule < 100, `a rule ${rule.toFixed(0)} pt long above the notes`);
      });

      test('many notes stand on one page', () => {
        const located = locate(pages, notes, numbering, false);
        const perPage = new Map<number, number>();
        for (const { start } of located) if (start) perPage.set(start.page, (perPage.get(start.page) ?? 0) + 1);
        assert.ok(Math.max(...perPage.values()) >= 10, `at most ${Math.max(...perPage.values())} notes on a page`);
      });
    });
  }

  for (const [placement, numbering] of [
    ['chapter-endnotes', 'chapter'],
    ['report-endnotes', 'report'],
  ] as const) {
    test(`${placement}, numbered by ${numbering}: every note after the text it belongs to, numbered as its marker`, async () => {
      const result = await buildInTemp(await variant(placement, numbering));
      const pages = pdfWords(result.output);
      const text = pdfPages(result.output).map(letters);
      const lastChapterText = Math.max(...text.map((page, index) => (page.includes(letters('old obstacles will return')) ? index : -1)));
      for (const { note, number, markers, start } of locate(pages, notes, numbering, true)) {
        const name = `note ${number} (${note.label})`;
        assert.ok(markers.every((page) => page >= 0), `${name}: every marker is printed, raised, after its word`);
        assert.ok(start, `${name}: printed with its number`);
        assert.ok(start.page >= (markers[0] ?? 0), `${name}: after its marker`);
        if (placement === 'report-endnotes') assert.ok(start.page >= lastChapterText, `${name}: in the closing Notes chapter`);
      }
      if (placement === 'report-endnotes') assert.match(pdfPages(result.output).find((page) => /Contents/.test(page)) ?? '', /Notes\s.*\d+/, 'the Notes chapter is in the contents');
    });
  }

  test('chapter-endnotes, two chapters in one file: the first chapter\'s notes print before the second chapter opens', async () => {
    // The evidence chapter written on into the introduction's file: one file, two `# Headings`, two chapters.
    const dir = await variant('chapter-endnotes', 'chapter');
    const introduction = await readFile(path.join(dir, '01-introduction.md'), 'utf8');
    await writeFile(path.join(dir, '01-introduction.md'), `${introduction}\n${await readFile(path.join(dir, '02-evidence.md'), 'utf8')}`);
    await rm(path.join(dir, '02-evidence.md'));
    const result = await buildInTemp(dir);
    const text = pdfPages(result.output).map(letters);
    const page = (words: string) => text.findIndex((each) => each.includes(letters(words)));
    const introductionNote = page('Planned since 2011; the feasibility study has been revised three times.');
    const evidenceOpens = page('The tariff paid for imported power fell in each of the last four contracts.');
    const evidenceNote = page('Contract records, 2012–2023, as summarised in the utilities');
    assert.ok(introductionNote >= 0 && evidenceOpens >= 0 && evidenceNote >= 0, 'the notes and the second chapter are printed');
    assert.ok(introductionNote < evidenceOpens, `the introduction's last note (page ${introductionNote + 1}) before the evidence chapter (page ${evidenceOpens + 1})`);
    assert.ok(evidenceNote >= evidenceOpens, `the evidence chapter's first note (page ${evidenceNote + 1}) after its opening (page ${evidenceOpens + 1})`);
    // The file numbers its notes: the introduction's eight, then the evidence chapter's from 9.
    assert.ok(text[evidenceNote]?.includes(letters('9. Contract records')), 'the evidence chapter\'s notes go on from 9');
  });
});
