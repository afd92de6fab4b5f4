import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { VFile } from 'vfile';
import { findCitations } from '../../src/citations/find-citations.js';
import { loadBibliography, type CslItem } from '../../src/citations/load-bibliography.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { readOutline } from '../helpers/outline.js';
import { letters, pdfPages } from '../helpers/poppler.js';

const source = path.join(fixturesDir, 'policy-paper');

/** The keys the manuscript cites, read from its Markdown, and its works, read from references.bib. */
async function manuscriptCitations(): Promise<{ cited: Set<string>; works: Map<string, CslItem> }> {
  const cited = new Set<string>();
  for (const name of (await readdir(source)).filter((n) => n.endsWith('.md'))) {
    for (const citation of findCitations(await readFile(path.join(source, name), 'utf8'))) {
      for (const item of citation.items) if (!/^(?:fig|tbl|sec)-|^page:/.test(item.key)) cited.add(item.key);
    }
  }
  const bib = new VFile({ path: 'references.bib', value: await readFile(path.join(source, 'references.bib'), 'utf8') });
  return { cited, works: new Map(loadBibliography(bib).map((item) => [item.id, item])) };
}

/** A copy of the fixture with another citation style. */
async function withStyle(style: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-policy-'));
  await cp(source, dir, { recursive: true });
  const yaml = await readFile(path.join(dir, 'report.yaml'), 'utf8');
  await writeFile(path.join(dir, 'report.yaml'), yaml.replace(/^citation-style: .*$/m, `citation-style: ${style}`));
  return dir;
}

/** The text of the bibliography: from its heading to the next chapter. */
function bibliographyText(pages: readonly string[]): string {
  const start = pages.findIndex((page) => /^\s*References\s*$/m.test(page.split('\n').slice(0, 3).join('\n')));
  assert.ok(start > 0, 'a References chapter');
  const end = pages.findIndex((page, index) => index > start && /^\s*Annex/m.test(page.trim().split('\n')[0] ?? ''));
  return pages.slice(start, end).join('\n');
}

describe('the policy paper: citations and bibliography', () => {
  let authorDate: string[];
  let notes: string[];
  let pdf: string;
  let citations: Awaited<ReturnType<typeof manuscriptCitations>>;

  before(async () => {
    citations = await manuscriptCitations();
    const built = await buildInTemp(source);
    pdf = built.output;
    authorDate = pdfPages(pdf);
    notes = pdfPages((await buildInTemp(await withStyle('chicago-notes-bibliography'))).output);
  });
  after(closeSharedBrowser);

  test('cites twenty or more works and formats every citation: no key is left as typed', () => {
    assert.ok(citations.cited.size >= 20, `${citations.cited.size} works cited`);
    for (const pages of [authorDate, notes]) {
      const text = pages.join('\n');
      for (const key of citations.cited) assert.ok(!text.includes(`@${key}`), `@${key} is formatted`);
      assert.doesNotMatch(text, /\[-?@/, 'no bracketed citation is left');
    }
  });

  test('Chicago author-date: parenthetical, narrative, locators and prefixes as the style sets them', () => {
    const text = authorDate.join(' ').replace(/\s+/g, ' ').replaceAll('\u00AD', '');
    for (const expected of ['(Briscoe and Qamar 2006, 23–27)', '(see Gilmartin 2015, 12–19; Mustafa 2013, ch. 2)', 'Briscoe and Qamar (2006) put it', 'Homer-Dixon (1999, 139)', '(Lutz et al. 2014; Immerzeel et al. 2020)']) {
      assert.ok(letters(text).includes(letters(expected)) && text.replace(/-\s/g, '').includes(expected.slice(0, 6)), expected);
    }
  });

  test('every cited work, and no other, is in the bibliography, in both styles, alphabetically', () => {
    for (const pages of [authorDate, notes]) {
      const bibliography = letters(bibliographyText(pages));
      for (const [key, work] of citations.works) {
        const title = letters(String(work['title']));
        assert.equal(bibliography.includes(title), citations.cited.has(key), `${key}: ${citations.cited.has(key) ? 'listed' : 'not cited, not listed'}`);
      }
    }
    const firstWords = bibliographyText(authorDate).split('\n').map((line) => line.trim()).filter((line) => /^[A-Z][a-z]+,/.test(line)).map((line) => line.split(',')[0] ?? '');
    assert.deepEqual(firstWords, [...firstWords].sort((a, b) => a.localeCompare(b)), 'entries in alphabetical order');
  });

  test('Chicago notes-bibliography: citations become footnotes, in full the first time and short after', () => {
    const text = letters(notes.join('\n'));
    assert.ok(text.includes(letters('John Briscoe and Usman Qamar, Pakistan’s Water Economy: Running Dry (Oxford University Press, 2006), 23–27')), 'a full first note');
    assert.ok(text.includes(letters('Briscoe and Qamar, Pakistan’s Water Economy: Running Dry, 85–92')), 'a short later note');
    assert.ok(!text.includes(letters('(Briscoe and Qamar 2006')), 'no author-date citation');
  });

  test('the bibliography is in the contents, with its page, and in the bookmarks', async () => {
    const contents = authorDate.find((page) => /^\s*Contents/.test(page)) ?? '';
    const entry = /^\s*References\s{2,}(\d+)\s*$/m.exec(contents);
    assert.ok(entry, 'References in the contents');
    assert.match(authorDate[Number(entry[1]) - 1]?.trim() ?? '', /^References/, 'its page opens with it');
    const outline = await readOutline(pdf);
    assert.ok(outline.some((bookmark) => bookmark.title === 'References' && bookmark.depth === 1), 'a bookmark');
  });
});
