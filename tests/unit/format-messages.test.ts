import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { formatMessages } from '../../src/cli/format-messages.js';

/** The frame printed under an error at `column` of a one-line chapter. */
function frame(line: string, column: number): { source: string; caret: string } {
  const file = new VFile({ path: 'chapter.md', value: `${line}\n` });
  const message = file.message('Something is wrong here.', { start: { line: 1, column }, end: { line: 1, column: column + 1 } });
  message.fatal = true;
  const [, source = '', caret = ''] = formatMessages([file]).split('\n');
  return { source, caret };
}

/** The character the caret stands under. */
function underCaret({ source, caret }: { source: string; caret: string }): string {
  return source[caret.indexOf('^')] ?? '';
}

test('a short line is shown whole, the caret under the column', () => {
  const shown = frame('A line with a [@key] in it.', 15);
  assert.equal(shown.source, '  1 | A line with a [@key] in it.');
  assert.equal(underCaret(shown), '[');
});

test('a long paragraph is shown around the column, cut with an ellipsis on either side, the caret under the column', () => {
  const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
  const line = `${words} [@gilmartin2105] ${words}`;
  const column = line.indexOf('[@') + 1;
  const shown = frame(line, column);
  assert.equal(underCaret(shown), '[');
  assert.match(shown.source, /^ {2}1 \| ….*\[@gilmartin2105\].*…$/);
  assert.ok(shown.source.length < 120, shown.source);
});

test('near the end of a long line, the frame ends with the line and the caret still stands under the column', () => {
  const line = `${'x'.repeat(300)} [@end]`;
  const shown = frame(line, line.length - 5);
  assert.equal(underCaret(shown), line[line.length - 6]);
  assert.ok(shown.source.endsWith('[@end]'));
});

test('the caret stands under the column of two like words, the second one (05-conclusion.md:3:313 of the new-user report)', () => {
  const line = 'Torkham and Chaman are not gaps in an otherwise closed border; they are the places where the border\'s economy is concentrated. The evidence presented in this paper — the fall in recorded trade shown in @fig-trade, the actors listed in @tbl-actors, and the shift in crossings and seizures shown in @tbl-chaman on @page-tbl-chaman — points in one direction.';
  const shown = frame(line, 313);
  assert.equal(line.slice(312, 328), '@page-tbl-chaman');
  assert.equal(shown.source.slice(shown.caret.indexOf('^'), shown.caret.indexOf('^') + 16), '@page-tbl-chaman');
});

test('a tab before the column is shown as spaces, so the caret stands under the column whatever tab stops the terminal has', () => {
  const shown = frame('\tA [@key] in an indented line.', 4);
  assert.equal(shown.source, '  1 |     A [@key] in an indented line.');
  assert.equal(underCaret(shown), '[');
});

test('wide characters fill two columns: the caret is moved on by two for each', () => {
  const shown = frame('漢字の報告 [@key]', 7);
  assert.equal(shown.source, '  1 | 漢字の報告 [@key]');
  assert.equal(shown.caret, `    | ${' '.repeat(11)}^`);
});

test('a combining accent fills no column, and a character beyond the BMP one, though each is a code unit more of the column', () => {
  assert.equal(frame('Cafe\u0301 [@key]', 7).caret, `    | ${' '.repeat(5)}^`);
  assert.equal(frame('\u{1D465} = [@key]', 6).caret, `    | ${' '.repeat(4)}^`);
  assert.equal(frame('📈 [@key]', 4).caret, `    | ${' '.repeat(3)}^`);
});

test('a long line of wide characters is cut to the frame width in columns, the caret under the column', () => {
  const line = `${'貿易'.repeat(100)}[@key]${'貿易'.repeat(100)}`;
  const shown = frame(line, 201);
  const columns = (text: string) => [...text].reduce((sum, character) => sum + (/[貿易]/.test(character) ? 2 : 1), 0);
  assert.ok(columns(shown.source) <= 110, shown.source);
  assert.equal(shown.caret.length - 1, columns(shown.source.slice(0, shown.source.indexOf('[@key]'))));
});

test('a line ending in CRLF is shown without its carriage return, which would send the terminal back to the line start', () => {
  const file = new VFile({ path: 'chapter.md', value: 'A line with a [@key] in it.\r\nNext.\r\n' });
  const message = file.message('Something is wrong here.', { line: 1, column: 15 });
  message.fatal = true;
  const [, source = ''] = formatMessages([file]).split('\n');
  assert.equal(source, '  1 | A line with a [@key] in it.');
});

test('a warning at a place shows its line too, with the caret under the attribute it is about', async () => {
  const { compileChapter } = await import('../../src/markdown/compile-chapter.js');
  const file = new VFile({ path: 'chapter.md', value: ':::pullquote{author="A trader"}\nTrade goes where it is let.\n:::\n' });
  await compileChapter(file, { root: '.', hyphenate: (text) => text, idPrefix: 'c1-' });
  const [heading = '', source = '', caret = ''] = formatMessages([file]).split('\n');
  assert.match(heading, /^chapter\.md:1:14 {2}warning {2}`:::pullquote` has no attribute `author`/);
  assert.equal(source, '  1 | :::pullquote{author="A trader"}');
  assert.equal(source.slice(caret.indexOf('^'), caret.indexOf('^') + 'author'.length), 'author');
});

test('information is not about a place to mend: it shows no frame', () => {
  const file = new VFile({ path: 'references.bib', value: '@book{unused,\n}\n' });
  file.info('`unused` is never cited.', { line: 1, column: 1 });
  assert.equal(formatMessages([file]), 'references.bib:1:1  info  `unused` is never cited.\n');
});
