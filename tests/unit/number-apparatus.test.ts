import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import { numberApparatus } from '../../src/cross-references/number-apparatus.js';

const chapter = (name: string, ...children: Element[]) => ({ file: new VFile({ path: `${name}.md` }), tree: { type: 'root', children } as Root });

/** The text of each heading of a level in a tree, in order. */
const headings = (tree: Root | undefined, tag: string) => (tree?.children ?? []).filter((node): node is Element => node.type === 'element' && node.tagName === tag).map((node) => toString(node));

test('numbered headings: the heading the bibliography stands under is not numbered, a chapter or a section', () => {
  const chapters = [
    chapter('01', h('h1', 'Findings'), h('h2', 'Costs')),
    chapter('02', h('h1', 'References'), h('div.bibliography', { dataBibliography: '' })),
    chapter('03', h('h1', 'Annex'), h('h2', 'Method'), h('h2', 'Works consulted'), h('div.bibliography', { dataBibliography: '' })),
  ];
  numberApparatus(chapters, { by: 'report', headings: true });
  const [findings, references, annex] = chapters.map((c) => c.tree);
  assert.deepEqual(headings(findings, 'h1'), ['1 Findings']);
  assert.deepEqual(headings(findings, 'h2'), ['1.1 Costs']);
  assert.deepEqual(headings(references, 'h1'), ['References']);
  assert.deepEqual(headings(annex, 'h1'), ['2 Annex'], 'the chapter after the bibliography takes the next number');
  assert.deepEqual(headings(annex, 'h2'), ['2.1 Method', 'Works consulted']);
});

/** A report whose last chapter refers to a chapter and a section of the one before, as `@sec-…` does. */
const referring = () => [
  chapter('01', h('h1', { dataUnnumbered: '' }, 'Summary')),
  chapter('02', h('h1', { id: 'sec-corridors' }, 'The Corridors Today'), h('h2', 'Routes'), h('h2', { id: 'sec-markets' }, 'The border markets')),
  chapter('03', h('h1', 'Options'), h('p', [h('a.xref', { dataXref: 'sec-corridors' }), ' and ', h('a.xref', { dataXref: 'sec-markets' })])),
];
const referenceTexts = (tree: Root | undefined) => (tree?.children ?? []).flatMap((node) => (node.type === 'element' && node.tagName === 'p' ? node.children : [])).filter((node): node is Element => node.type === 'element').map((node) => toString(node));

for (const by of ['report', 'chapter'] as const) {
  test(`unnumbered headings (by: ${by}): a reference to a heading prints its title in quotes, never a number the page lacks`, () => {
    const chapters = referring();
    numberApparatus(chapters, { by, headings: false });
    const [, corridors, options] = chapters.map((c) => c.tree);
    assert.deepEqual(headings(corridors, 'h1'), ['The Corridors Today']);
    assert.deepEqual(headings(corridors, 'h2'), ['Routes', 'The border markets']);
    assert.deepEqual(referenceTexts(options), ['“The Corridors Today”', '“The border markets”']);
  });
}

test('numbered headings: a reference to a heading prints the number the heading prints', () => {
  const chapters = referring();
  numberApparatus(chapters, { by: 'report', headings: true });
  const [, corridors, options] = chapters.map((c) => c.tree);
  assert.deepEqual(headings(corridors, 'h1'), ['1 The Corridors Today']);
  assert.deepEqual(headings(corridors, 'h2'), ['1.1 Routes', '1.2 The border markets']);
  assert.deepEqual(referenceTexts(options), ['Chapter\u00A01', 'Section\u00A01.2']);
});

test('a reference to a label typed on a paragraph that is no caption names that line, and guesses no other label', () => {
  const caption = h('p', { dataUnattachedLabel: 'tbl-chaman' }, 'Tabel: Trade at Chaman {#tbl-chaman}');
  caption.position = { start: { line: 29, column: 1 }, end: { line: 29, column: 38 } };
  const chapters = [
    chapter('03-chaman', h('h1', { id: 'sec-chaman' }, 'Chaman'), caption, h('p', [h('a.xref', { dataXref: 'tbl-chaman' })])),
    chapter('05-conclusion', h('h1', 'Conclusion'), h('p', [h('a.xref-page', { dataXref: 'tbl-chaman' })])),
  ];
  numberApparatus(chapters, { by: 'report', headings: false });
  const [here, there] = chapters.map((c) => c.file.messages.map((m) => m.reason));
  assert.deepEqual(here, ['No figure, table or heading is labelled `tbl-chaman`: the `{#tbl-chaman}` at line 29 is attached to nothing, because the paragraph it ends is no table caption. Mend it there (the message at that line says how).']);
  assert.equal(there?.length, 1);
  assert.match(there?.[0] ?? '', /the `\{#tbl-chaman\}` at 03-chaman\.md:29 is attached to nothing/);
  assert.doesNotMatch(there?.[0] ?? '', /Did you mean/);
});

test('a reference to the label of a `Table:` caption next to no table says the caption stands next to no table', () => {
  const stray = h('p.table-caption', { dataUnattachedLabel: 'tbl-stray' }, 'Next to no table');
  stray.position = { start: { line: 33, column: 1 }, end: { line: 33, column: 40 } };
  const chapters = [chapter('01', h('h1', 'Tables'), stray, h('p', [h('a.xref', { dataXref: 'tbl-stray' })]))];
  numberApparatus(chapters, { by: 'report', headings: false });
  assert.deepEqual(chapters[0]?.file.messages.map((m) => m.reason), ['No figure, table or heading is labelled `tbl-stray`: the `{#tbl-stray}` at line 33 is attached to nothing, because its `Table:` caption stands next to no table. Mend it there (the message at that line says how).']);
});

for (const by of ['report', 'chapter'] as const) {
  test(`annexes (by: ${by}): lettered A, B; their sections, figures and tables A.1, B.1; references name them`, () => {
    const table = (label: string) => h('table', { id: label }, [h('caption', 'Costs')]);
    const figure = () => h('figure.figure', [h('img', { dataLabel: 'fig-map' }), h('figcaption', 'Map')]);
    const refs = ['sec-methods', 'sec-sources', 'tbl-points', 'fig-map', 'tbl-later'].map((id) => h('a.xref', { dataXref: id }));
    const chapters = [
      chapter('01', h('h1', 'Findings'), table('tbl-costs'), h('p', refs)),
      chapter('02', h('h1', { id: 'sec-methods', dataAnnex: 'Annex' }, 'Methods'), h('h2', { id: 'sec-sources' }, 'Sources'), table('tbl-points'), figure()),
      chapter('03', h('h1', { dataAnnex: 'Annex' }, 'Interviews'), h('h2', 'Who'), table('tbl-later')),
    ];
    numberApparatus(chapters, { by, headings: true });
    const [findings, methods, interviews] = chapters.map((c) => c.tree);
    assert.deepEqual(headings(findings, 'h1'), ['1 Findings']);
    assert.deepEqual(headings(methods, 'h1'), ['Annex A: Methods']);
    assert.deepEqual(headings(methods, 'h2'), ['A.1 Sources']);
    assert.deepEqual(headings(interviews, 'h1'), ['Annex B: Interviews']);
    assert.deepEqual(headings(interviews, 'h2'), ['B.1 Who']);
    assert.deepEqual(referenceTexts(findings), ['Annex\u00A0A', 'Section\u00A0A.1', 'Table\u00A0A.1', 'Figure\u00A0A.1', 'Table\u00A0B.1']);
  });
}

test('an annex is lettered when headings are not numbered, and its sections are not', () => {
  const chapters = [chapter('01', h('h1', 'Findings'), h('h2', 'Costs')), chapter('02', h('h1', { dataAnnex: 'Appendix' }, 'Methods'), h('h2', 'Sources'))];
  numberApparatus(chapters, { by: 'report', headings: false });
  assert.deepEqual(headings(chapters[1]?.tree, 'h1'), ['Appendix A: Methods']);
  assert.deepEqual(headings(chapters[1]?.tree, 'h2'), ['Sources']);
});
