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
