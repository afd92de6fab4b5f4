import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toString } from 'hast-util-to-string';
import { VFile } from 'vfile';
import { createCitationEngine } from '../../src/citations/citation-engine.js';
import { readLocale } from '../../src/citations/citation-style.js';
import type { CitedItem } from '../../src/citations/find-citations.js';
import { loadBibliography } from '../../src/citations/load-bibliography.js';
import { narrativeStyle } from '../../src/citations/narrative-style.js';
import { packageRoot } from '../../src/package-paths.js';

const bib = `@book{starr2010,
  author = {Starr, S. Frederick and Kuchins, Andrew C.},
  title = {The Key to Success in Afghanistan: A Modern Silk Road Strategy},
  publisher = {Central Asia-Caucasus Institute},
  address = {Washington, DC},
  year = {2010}
}
@techreport{ey2021,
  author = {{Ernst \\& Young}},
  title = {Transit Trade in Pakistan},
  institution = {Ernst \\& Young},
  year = {2021}
}
`;
const xmlOf = (style: string) => readFileSync(path.join(packageRoot, 'templates', 'csl', `${style}.csl`), 'utf8');

/** An engine for a bundled style, citing the works above. */
function engineFor(style: string) {
  const xml = xmlOf(style);
  const file = new VFile({ path: 'references.bib', value: bib });
  return createCitationEngine(file, loadBibliography(file), { xml, note: xml.includes('class="note"') }, readLocale('en-GB'), 'en-GB');
}

const item = (key: string, suffix = '', suppressAuthor = false): CitedItem => ({ key, prefix: '', suffix, suppressAuthor, offset: 0 });
const text = (parts: ReturnType<ReturnType<typeof engineFor>['cite']>) => parts.map((part) => toString({ type: 'root', children: part.content })).join('');

test('APA: a narrative citation joins its authors with "and", a parenthetical one with "&"', () => {
  const engine = engineFor('apa');
  assert.equal(text(engine.cite([item('starr2010')], 'author')), 'Starr and Kuchins');
  assert.equal(text(engine.cite([item('starr2010', 'pp. 12-15', true)])), '(2010, pp.\u00A012–15)');
  assert.equal(text(engine.cite([item('starr2010', 'pp. 12-15')])), '(Starr & Kuchins, 2010, pp.\u00A012–15)');
  // The ampersand of a name is the name's, not the style's join.
  assert.equal(text(engine.cite([item('ey2021')], 'author')), 'Ernst & Young');
});

test('Chicago author-date: narrative citations as before, and no second engine to make', () => {
  assert.equal(narrativeStyle(xmlOf('chicago-author-date')), undefined);
  assert.equal(narrativeStyle(xmlOf('harvard-cite-them-right')), undefined);
  const engine = engineFor('chicago-author-date');
  assert.equal(text(engine.cite([item('starr2010')], 'author')), 'Starr and Kuchins');
  assert.equal(text(engine.cite([item('starr2010', 'pp. 12-15')])), '(Starr and Kuchins 2010, 12–15)');
});

test('a style whose citation inherits and="symbol" from its citation element is rewritten; one using it only in the bibliography is not', () => {
  const style = (citation: string, bibliography: string) => `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><macro name="author"><names variable="author"><name${bibliography}/></names></macro><citation${citation}><layout><text macro="author"/></layout></citation><bibliography><layout><names variable="author"><name and="symbol"/></names></layout></bibliography></style>`;
  assert.match(narrativeStyle(style(' and="symbol"', '')) ?? '', /<citation and="text">/);
  assert.equal(narrativeStyle(style('', '')), undefined);
  assert.match(narrativeStyle(style('', ' and="symbol"')) ?? '', /<name and="text"\/><\/names><\/macro>/);
});
