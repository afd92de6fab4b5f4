import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { withEndnotes } from '../../src/document/with-endnotes.js';

const chapter = (title: string, ...content: Element[]) => h('section.chapter', [h('h1', title), ...content]);
const bibliography = () => h('div.bibliography', { dataBibliography: '' }, [h('p.csl-entry', 'Gleick 1993')]);
const order = (chapters: Element[]) => chapters.map((each) => `${String(each.properties['dataChapter'])} ${toString(each.children[0] as Element)}`);

test('the report\'s Notes stand before a closing References chapter (Chicago: notes, then bibliography), chapters numbered in order', () => {
  const chapters = [chapter('Introduction', h('p', 'Text.')), chapter('Annex', h('p', 'Methods.')), chapter('References', bibliography())];
  assert.deepEqual(order(withEndnotes(chapters, chapter('Notes', h('ol')))), ['1 Introduction', '2 Annex', '3 Notes', '4 References']);
});

test('the Notes close the report when the bibliography shares a chapter with text, or there is none', () => {
  const sharing = [chapter('Introduction', h('p', 'Text.')), chapter('Conclusion', h('p', 'In short.'), bibliography())];
  assert.deepEqual(order(withEndnotes(sharing, chapter('Notes', h('ol')))), ['1 Introduction', '2 Conclusion', '3 Notes']);
  assert.deepEqual(order(withEndnotes([chapter('Introduction', h('p', 'Text.'))], chapter('Notes', h('ol')))), ['1 Introduction', '2 Notes']);
  assert.deepEqual(order(withEndnotes([chapter('Introduction'), chapter('References', bibliography())], undefined)), ['1 Introduction', '2 References']);
});
