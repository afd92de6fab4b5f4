import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import type { NoteSettings } from '../../src/config/report-schema.js';
import { placeNotes, retitleNoteGroups } from '../../src/document/place-notes.js';
import { compileChapter } from '../../src/markdown/compile-chapter.js';
import { assertFixture, fixturesDir } from '../helpers/fixtures.js';

const root = path.join(fixturesDir, 'notes');
const settings: NoteSettings[] = [
  { placement: 'footnotes', numbering: 'chapter' },
  { placement: 'footnotes', numbering: 'report' },
  { placement: 'chapter-endnotes', numbering: 'report' },
  { placement: 'report-endnotes', numbering: 'chapter' },
];

for (const setting of settings) {
  test(`notes: ${setting.placement}, numbered by ${setting.numbering}`, async () => {
    const names = (await readdir(root)).filter((name) => name.endsWith('.md')).sort();
    const chapters: Element[] = [];
    for (const [index, name] of names.entries()) {
      const file = new VFile({ path: name, value: await readFile(path.join(root, name), 'utf8') });
      const tree = await compileChapter(file, { root, hyphenate: (text) => text, idPrefix: `c${index + 1}-` });
      chapters.push(h('section.chapter', { dataSource: name }, tree.children as Element[]));
    }
    const endnotes = placeNotes(chapters, setting);
    const html = toHtml(endnotes ? [...chapters, endnotes] : chapters);
    await assertFixture(path.join(root, `${setting.placement}-${setting.numbering}.html`), `${html}\n`);
  });
}

test('report endnotes: each group is labelled with its chapter title as numbered after the notes are placed', () => {
  const title = h('h1', 'The Basin');
  const notes = h('section', { dataFootnotes: '' }, [h('p', 'Notes'), h('ol', [h('li', { id: 'c1-fn-1' }, [h('p', 'A note.')])])]);
  const chapter = h('section.chapter', { dataSource: '01.md' }, [title, h('p', [h('sup', [h('a', { href: '#c1-fn-1', dataFootnoteRef: '' }, '1')])]), notes]);
  const endnotes = placeNotes([chapter], { placement: 'report-endnotes', numbering: 'chapter' });
  const label = () => endnotes?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
  assert.equal(toString(label() ?? h('p')), 'The Basin');
  // As numberApparatus numbers the heading:
  title.children.unshift(h('span.heading-number', '1'), { type: 'text', value: ' ' });
  retitleNoteGroups(endnotes);
  assert.equal(toString(label() ?? h('p')), '1 The Basin');
});
