import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toString } from 'hast-util-to-string';
import { VFile } from 'vfile';
import { createCitationEngine } from '../../src/citations/citation-engine.js';
import { readLocale } from '../../src/citations/citation-style.js';
import type { CitedItem } from '../../src/citations/find-citations.js';
import { loadBibliography, type CslItem } from '../../src/citations/load-bibliography.js';
import { packageRoot } from '../../src/package-paths.js';

// A newspaper article as Better BibTeX exports it in BibLaTeX mode, and the same in plain BibTeX.
const bib = `@article{dawn2023,
  author = {Shah, Zulfiqar},
  title = {Chaman traders end sit-in after talks on one-document regime},
  journaltitle = {Dawn},
  date = {2023-11-22},
  url = {https://www.dawn.com/news/1791234},
  urldate = {2024-01-05},
  entrysubtype = {newspaper}
}
@article{dawn2023b,
  author = {Shah, Zulfiqar},
  title = {Traders return to Chaman},
  journal = {Dawn},
  year = {2023},
  month = nov,
  day = {22}
}
@article{dawn2023c,
  author = {Shah, Zulfiqar},
  title = {Talks at Chaman},
  journal = {Dawn},
  year = {2023},
  month = {November},
  day = {22},
  entrysubtype = {newspaper}
}
@article{herald2019,
  author = {Yusufzai, Rahimullah},
  title = {The long road to Torkham},
  journaltitle = {The Herald},
  date = {2019-03},
  entrysubtype = {magazine}
}
@article{dawn2024,
  author = {Shah, Zulfiqar},
  title = {A week of talks at Chaman},
  journaltitle = {Dawn},
  date = {2024-01-08/2024-01-12},
  entrysubtype = {newspaper}
}
@article{khan2021,
  author = {Khan, Ayesha},
  title = {Informal Trade at Torkham},
  journal = {Journal of Border Studies},
  volume = {12},
  number = {3},
  pages = {45--67},
  year = {2021}
}
`;
const load = () => loadBibliography(new VFile({ path: 'references.bib', value: bib }));
const work = (key: string): CslItem => {
  const found = load().find((item) => item.id === key);
  assert.ok(found, key);
  return found;
};

/** The bibliography entry of one work in a bundled style. */
function reference(style: string, key: string): string {
  const xml = readFileSync(path.join(packageRoot, 'templates', 'csl', `${style}.csl`), 'utf8');
  const file = new VFile({ path: 'references.bib', value: bib });
  const engine = createCitationEngine(file, loadBibliography(file), { xml, note: xml.includes('class="note"') }, readLocale('en-GB'), 'en-GB');
  const cited: CitedItem = { key, prefix: '', suffix: '', suppressAuthor: false, offset: 0 };
  engine.cite([cited]);
  const entry = engine.bibliography().find((each) => each.key === key);
  return toString({ type: 'root', children: entry?.content ?? [] });
}

test('BibLaTeX entrysubtype newspaper or magazine makes a newspaper or magazine article, with no genre left of it', () => {
  const dawn = work('dawn2023');
  assert.equal(dawn['type'], 'article-newspaper');
  assert.equal(dawn['genre'], undefined);
  assert.deepEqual(dawn['issued'], { 'date-parts': [[2023, 11, 22]] });
  assert.deepEqual(dawn['accessed'], { 'date-parts': [[2024, 1, 5]] });
  const herald = work('herald2019');
  assert.equal(herald['type'], 'article-magazine');
  assert.equal(herald['genre'], undefined);
  assert.deepEqual(herald['issued'], { 'date-parts': [[2019, 3]] });
});

test('APA prints a newspaper article from the .bib with its full date and no "[Newspaper]"', () => {
  const apa = reference('apa', 'dawn2023');
  assert.match(apa, /^Shah, Z\. \(2023, November 22\)\. Chaman traders end sit-in after talks on one-document regime\. Dawn\. https:\/\/www\.dawn\.com\/news\/1791234/);
  assert.doesNotMatch(apa, /\[Newspaper\]/i);
  assert.match(reference('apa', 'herald2019'), /^Yusufzai, R\. \(2019, March\)\. The long road to Torkham\. The Herald\.$/);
});

test('Chicago and Harvard print a newspaper article with its day and month, and no genre', () => {
  // Chicago author-date gives the year after the author and the day and month after the paper; en-GB's quotation marks.
  assert.match(reference('chicago-author-date', 'dawn2023'), /^Shah, Zulfiqar\. 2023\. ‘Chaman Traders End Sit-in after Talks on One-Document Regime’\. Dawn, November 22\. https:\/\/www\.dawn\.com\/news\/1791234\.$/);
  assert.match(reference('chicago-notes-bibliography', 'dawn2023'), /^Shah, Zulfiqar\. ‘Chaman Traders End Sit-in after Talks on One-Document Regime’\. Dawn, 22 November 2023\. https:/);
  assert.match(reference('harvard-cite-them-right', 'dawn2023'), /^Shah, Z\. \(2023\) ‘Chaman traders end sit-in after talks on one-document regime’, Dawn, 22 November\. Available at: https:\/\/www\.dawn\.com\/news\/1791234 \(Accessed: 5 January 2024\)\.$/);
  for (const style of ['apa', 'chicago-author-date', 'chicago-notes-bibliography', 'harvard-cite-them-right']) assert.doesNotMatch(reference(style, 'dawn2023'), /newspaper|preprint/i, style);
});

test('plain BibTeX month and day reach the date, a month written as a word too', () => {
  assert.deepEqual(work('dawn2023b')['issued'], { 'date-parts': [[2023, 11, 22]] });
  const worded = work('dawn2023c');
  assert.deepEqual(worded['issued'], { 'date-parts': [[2023, 11, 22]] });
  assert.equal(worded['type'], 'article-newspaper');
  assert.match(reference('apa', 'dawn2023c'), /^Shah, Z\. \(2023, November 22\)\. Talks at Chaman\. Dawn\.$/);
});

test('a BibLaTeX date range keeps both ends', () => {
  assert.deepEqual(work('dawn2024')['issued'], { 'date-parts': [[2024, 1, 8], [2024, 1, 12]] });
  assert.match(reference('apa', 'dawn2024'), /^Shah, Z\. \(2024, January 8–12\)\. A week of talks at Chaman\. Dawn\.$/);
});

test('a journal article with only a year is read as before', () => {
  const khan = work('khan2021');
  assert.equal(khan['type'], 'article-journal');
  assert.equal(khan['genre'], undefined);
  assert.deepEqual(khan['issued'], { 'date-parts': [[2021]] });
  assert.match(reference('apa', 'khan2021'), /^Khan, A\. \(2021\)\. Informal Trade at Torkham\. Journal of Border Studies, 12\(3\), 45–67\.$/);
});
