import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toString } from 'hast-util-to-string';
import { VFile } from 'vfile';
import { createCitationEngine } from '../../src/citations/citation-engine.js';
import { readLocale } from '../../src/citations/citation-style.js';
import { cslEngine, keepCitationEngines } from '../../src/citations/csl-engine.js';
import type { CitedItem } from '../../src/citations/find-citations.js';
import { loadBibliography } from '../../src/citations/load-bibliography.js';
import { packageRoot } from '../../src/package-paths.js';

// Two works by one author in one year: the style tells them apart (2019a, 2019b) only with both registered.
const bib = `@report{khan2019water,
  author = {Khan, Ayesha},
  title = {Water Sharing on the Kabul River},
  institution = {Institute of Strategic Studies},
  year = {2019}
}
@report{khan2019trade,
  author = {Khan, Ayesha},
  title = {Transit Trade after 2010},
  institution = {Institute of Strategic Studies},
  year = {2019}
}
`;
const xml = readFileSync(path.join(packageRoot, 'templates', 'csl', 'chicago-author-date.csl'), 'utf8');
const file = () => new VFile({ path: 'references.bib', value: bib });
const item = (key: string): CitedItem => ({ key, prefix: '', suffix: '', suppressAuthor: false, offset: 0 });

/** One build's citations: a new engine object over the kept citeproc engine. */
function build() {
  const bibFile = file();
  return createCitationEngine(bibFile, loadBibliography(bibFile), { xml, note: false }, readLocale('en-GB'), 'en-GB');
}
const text = (parts: { content: Parameters<typeof toString>[0][] }[]) => parts.map((part) => part.content.map((node) => toString(node)).join('')).join('');

test('a single build keeps no engine: one of Chicago\'s holds about 150 MB, through the layout and the printing', () => {
  const locale = readLocale('en-GB');
  assert.notEqual(cslEngine(loadBibliography(file()), xml, locale, 'en-GB'), cslEngine(loadBibliography(file()), xml, locale, 'en-GB'));
});

test('for watch and preview, the citeproc engine is made once for the same works, style and locale, and again for other works', () => {
  keepCitationEngines();
  const items = loadBibliography(file());
  const locale = readLocale('en-GB');
  assert.equal(cslEngine(items, xml, locale, 'en-GB'), cslEngine(loadBibliography(file()), xml, locale, 'en-GB'));
  assert.notEqual(cslEngine(items.slice(0, 1), xml, locale, 'en-GB'), cslEngine(items, xml, locale, 'en-GB'));
  assert.notEqual(cslEngine(items, xml, locale, 'en-US'), cslEngine(items, xml, locale, 'en-GB'));
});

test('a build on a kept engine formats as the first build did: disambiguation, the bibliography of its own citations', () => {
  const first = build();
  assert.equal(text(first.cite([item('khan2019water')])), '(Khan 2019b)');
  // The first build's bibliography registers only what it cited, for the time it takes to make it.
  assert.equal(first.bibliography().length, 1);
  const second = build();
  assert.deepEqual([...second.cited], [], 'a new build starts with nothing cited');
  assert.equal(text(second.cite([item('khan2019trade')])), '(Khan 2019a)');
  assert.equal(text(second.cite([item('khan2019water')])), '(Khan 2019b)');
  const entries = second.bibliography();
  assert.deepEqual(entries.map((entry) => entry.key), ['khan2019trade', 'khan2019water']);
  assert.match(toString({ type: 'root', children: entries[0]?.content ?? [] }), /^Khan, Ayesha\. 2019a\. Transit Trade after 2010/);
});
