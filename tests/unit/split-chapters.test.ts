import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { NoteSettings } from '../../src/config/report-schema.js';
import { placeNotes } from '../../src/document/place-notes.js';
import { splitChapters } from '../../src/document/split-chapters.js';
import { compileChapter } from '../../src/markdown/compile-chapter.js';
import { fixturesDir } from '../helpers/fixtures.js';

const endnotes: NoteSettings = { placement: 'chapter-endnotes', numbering: 'chapter' };
const footnotes: NoteSettings = { placement: 'footnotes', numbering: 'chapter' };

/** Two chapters in one file, each calling notes; the second calls the first's note [^a] again. */
const twoChapters = `# First

One.[^a] Two.[^b]

# Second

Three.[^c] And the first note again.[^a]

[^a]: Note A.
[^b]: Note B.
[^c]: Note C.
`;

/** Chapter files as assemble-document builds them: each compiled, its notes placed, then split at its titles. */
async function build(files: readonly string[], settings: NoteSettings): Promise<Element[]> {
  const sections: Element[] = [];
  for (const [index, markdown] of files.entries()) {
    const file = new VFile({ path: `0${index + 1}-chapter.md`, value: markdown });
    const tree = await compileChapter(file, { root: fixturesDir, hyphenate: (text) => text, idPrefix: `c${index + 1}-` });
    assert.deepEqual(file.messages.map(String), [], 'the Markdown compiles without a message');
    sections.push(h('section.chapter', { dataSource: file.basename ?? '' }, tree.children as Element[]));
  }
  placeNotes(sections, settings);
  return splitChapters(sections);
}

/** A part's notes containers: chapter-endnotes lists (`section[data-footnotes]`) or footnote stores. */
function containers(part: Element): Element[] {
  return part.children.filter((node): node is Element => node.type === 'element' && (node.properties['dataFootnotes'] !== undefined || String(node.properties['className']).includes('footnote-store')));
}

/** The ids of the notes a part carries, in order: its endnotes list's items, or its store's notes. */
function noteIds(part: Element): string[] {
  return containers(part).flatMap((container) => (list(part)?.children ?? container.children).flatMap((node) => (node.type === 'element' ? [String(node.properties['id'])] : [])));
}

/** A part's endnotes list: the `<ol>` of its `section[data-footnotes]`. */
function list(part: Element): Element | undefined {
  return containers(part)[0]?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'ol');
}

/** The numbers its markers print, in order. */
function markerNumbers(part: Element): string[] {
  const numbers: string[] = [];
  visit(part, 'element', (node) => {
    if (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined) numbers.push(toString(node));
  });
  return numbers;
}

test('chapter endnotes: each chapter of a file with two titles ends with the notes it calls, under its own heading', async () => {
  const [first, second] = await build([twoChapters], endnotes);
  assert.ok(first && second);
  assert.deepEqual(noteIds(first), ['c1-fn-a', 'c1-fn-b']);
  assert.deepEqual(noteIds(second), ['c1-fn-c']);
  for (const part of [first, second]) {
    const [notes, ...more] = containers(part);
    assert.equal(more.length, 0, 'one notes list a chapter');
    assert.equal(part.children.at(-1), notes, 'the notes close the chapter');
    assert.equal(toString(notes?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p') ?? h('p')), 'Notes');
  }
  // The file numbers its notes (1, 2, 3): the second chapter's list goes on from 3, as its marker says.
  assert.deepEqual(markerNumbers(first), ['1', '2']);
  assert.deepEqual(markerNumbers(second), ['3', '1']);
  assert.equal(list(first)?.properties['start'], undefined);
  assert.equal(list(second)?.properties['start'], 3);
});

test('chapter endnotes numbered through the report: a split file\'s lists go on from the chapters before', async () => {
  const parts = await build(['# Before\n\nText.[^x]\n\n[^x]: Note X.\n', twoChapters], { placement: 'chapter-endnotes', numbering: 'report' });
  assert.deepEqual(parts.map(noteIds), [['c1-fn-x'], ['c2-fn-a', 'c2-fn-b'], ['c2-fn-c']]);
  assert.deepEqual(parts.map((part) => list(part)?.properties['start']), [undefined, 2, 4]);
  assert.deepEqual(parts.map(markerNumbers), [['1'], ['2', '3'], ['4', '2']]);
});

test('footnotes: each chapter of a file with two titles carries the store entries it calls', async () => {
  const [first, second] = await build([twoChapters], footnotes);
  assert.ok(first && second);
  assert.deepEqual(noteIds(first), ['c1-fn-a', 'c1-fn-b']);
  assert.deepEqual(noteIds(second), ['c1-fn-c']);
  for (const part of [first, second]) {
    const [store, ...more] = containers(part);
    assert.equal(more.length, 0, 'one store a chapter');
    assert.equal(store?.properties['hidden'], true, 'the store stays hidden');
  }
  // The numbers written into the notes stay the file's.
  const numbers = (part: Element) => containers(part).flatMap((store) => store.children.map((note) => toString(note).trim().split(' ')[0]));
  assert.deepEqual(numbers(first), ['1', '2']);
  assert.deepEqual(numbers(second), ['3']);
});

test('a chapter that calls no note gets no notes list and no store', async () => {
  const markdown = '# First\n\nOne.[^a]\n\n# Between\n\nNo notes here.\n\n# Last\n\nTwo.[^b]\n\n[^a]: Note A.\n[^b]: Note B.\n';
  for (const settings of [endnotes, footnotes]) {
    const parts = await build([markdown], settings);
    assert.deepEqual(parts.map(noteIds), [['c1-fn-a'], [], ['c1-fn-b']], settings.placement);
    assert.deepEqual(parts.map((part) => containers(part).length), [1, 0, 1], settings.placement);
  }
});

test('a note called from two chapters of a file stays with the first that calls it', async () => {
  const markdown = '# First\n\nOne.[^shared]\n\n# Second\n\nAgain.[^shared] And its own.[^own]\n\n[^shared]: The shared note.\n[^own]: Its own note.\n';
  for (const settings of [endnotes, footnotes]) {
    const [first, second] = await build([markdown], settings);
    assert.ok(first && second);
    assert.deepEqual(noteIds(first), ['c1-fn-shared'], settings.placement);
    assert.deepEqual(noteIds(second), ['c1-fn-own'], settings.placement);
    assert.deepEqual(markerNumbers(second), ['1', '2'], settings.placement);
  }
});
