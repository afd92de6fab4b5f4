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
import { packageRoot } from '../../src/package-paths.js';

const bib = `@book{ahmed2020,
  author = {Ahmed, Vaqar and Suleri, Abid Qaiyum},
  title = {Trade Facilitation on the Afghan Border},
  publisher = {Sustainable Development Policy Institute},
  address = {Islamabad},
  year = {2020}
}
`;

function engineFor(style: string) {
  const xml = readFileSync(path.join(packageRoot, 'templates', 'csl', `${style}.csl`), 'utf8');
  const file = new VFile({ path: 'references.bib', value: bib });
  return createCitationEngine(file, loadBibliography(file), { xml, note: xml.includes('class="note"') }, readLocale('en-GB'), 'en-GB');
}
const cite = (style: string, suffix: string) => {
  const item: CitedItem = { key: 'ahmed2020', prefix: '', suffix, suppressAuthor: false, offset: 0 };
  return engineFor(style).cite([item]).map((part) => toString({ type: 'root', children: part.content })).join('');
};

test('a locator\'s label is tied to its number, so a line never ends with "p." (APA, Harvard, Chicago notes)', () => {
  assert.equal(cite('apa', 'p. 12'), '(Ahmed & Suleri, 2020, p.\u00A012)');
  assert.equal(cite('apa', 'pp. 12-15'), '(Ahmed & Suleri, 2020, pp.\u00A012–15)');
  assert.match(cite('harvard-cite-them-right', 'p. 12'), /p\.\u00A012\)$/);
  assert.match(cite('chicago-notes-bibliography', 'ch. 3'), /chap\.\u00A03\.?$|ch\.\u00A03\.?$/);
  // A word that merely ends in the same letters is not a label.
  assert.doesNotMatch(cite('apa', 'p. 12'), /Suleri,\u00A0/);
});
