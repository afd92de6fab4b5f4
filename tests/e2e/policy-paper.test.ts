import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { VFile } from 'vfile';
import { findCitations } from '../../src/citations/find-citations.js';
import { loadBibliography, type CslItem } from '../../src/citations/load-bibliography.js';
import { printEdition } from '../../src/images/edition.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { readOutline } from '../helpers/outline.js';
import { readPdfLinks } from '../helpers/pdf-links.js';
import { pdfWordBoxes } from '../helpers/placed-boxes.js';
import { letters, pdfPages } from '../helpers/poppler.js';

const source = path.join(fixturesDir, 'policy-paper');

/** The keys the manuscript cites, read from its Markdown, and its works, read from references.bib. */
async function manuscriptCitations(): Promise<{ cited: Set<string>; works: Map<string, CslItem> }> {
  const cited = new Set<string>();
  for (const name of (await readdir(source)).filter((n) => n.endsWith('.md'))) {
    for (const citation of findCitations(await readFile(path.join(source, name), 'utf8'))) {
      for (const item of citation.items) if (!/^(?:fig|tbl|sec)-|^page-/.test(item.key)) cited.add(item.key);
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

/** Each label of the manuscript with the words of its caption and the letters just before each reference to it. */
async function manuscriptReferences(): Promise<{ captions: Map<string, string>; references: { label: string; page: boolean; before: string }[] }> {
  const captions = new Map<string, string>();
  const references: { label: string; page: boolean; before: string }[] = [];
  for (const name of (await readdir(source)).filter((n) => n.endsWith('.md')).sort()) {
    const text = await readFile(path.join(source, name), 'utf8');
    for (const match of text.matchAll(/"([^"]+)"\)\{#(fig-[\w-]+)\}/g)) captions.set(match[2] ?? '', match[1] ?? '');
    for (const match of text.matchAll(/^Table: (.+?) \{#(tbl-[\w-]+)\}$/gm)) captions.set(match[2] ?? '', match[1] ?? '');
    for (const match of text.matchAll(/@(page-)?((?:fig|tbl)-[\w]+(?:-[\w]+)*)/g)) {
      // The words before the reference, when they are plain text (no citation, note or markup in between).
      const before = text.slice(Math.max(0, match.index - 40), match.index).split(/[\]*\n^]|@\S+/).at(-1) ?? '';
      if (letters(before).length >= 8) references.push({ label: match[2] ?? '', page: Boolean(match[1]), before: letters(before).slice(-16) });
    }
  }
  return { captions, references };
}

/** Where each caption is printed: its number and the page (1-based) it stands on, read from the PDF. */
function printedCaptions(pages: readonly string[], captions: Map<string, string>): Map<string, { number: string; page: number }> {
  const found = new Map<string, { number: string; page: number }>();
  pages.forEach((page, index) => {
    for (const [label, caption] of captions) {
      const kind = label.startsWith('fig-') ? 'Figure' : 'Table';
      const match = new RegExp(`${kind} ((?:\\d+|[A-Z]+)(?:\\.\\d+)?)$`).exec(letters(page).includes(letters(caption).slice(0, 30)) ? (page.split('\n').find((line) => letters(line).includes(letters(caption).slice(0, 20)) && line.trim().startsWith(kind))?.trim().split(/\s+/).slice(0, 2).join(' ') ?? '') : '');
      if (match?.[1] && !found.has(label)) found.set(label, { number: match[1], page: index + 1 });
    }
  });
  return found;
}

for (const edition of ['screen', 'print'] as const) {
  describe(`the policy paper's cross-references, ${edition} edition`, () => {
    let pages: string[];
    let refs: Awaited<ReturnType<typeof manuscriptReferences>>;
    before(async () => {
      refs = await manuscriptReferences();
      // The screen edition is laid out in two parts side by side, as a long report would be: pages are filled across parts.
      const built = await buildInTemp(source, edition === 'print' ? { edition: printEdition } : { parts: 2 });
      if (edition === 'screen') assert.equal(built.parts, 2, 'laid out in parts');
      pages = pdfPages(built.output);
    });

    test('four figures and five tables, each captioned with its number', () => {
      const printed = printedCaptions(pages, refs.captions);
      assert.equal([...refs.captions.keys()].filter((l) => l.startsWith('fig-')).length, 4);
      assert.equal([...refs.captions.keys()].filter((l) => l.startsWith('tbl-')).length, 5);
      for (const label of refs.captions.keys()) assert.ok(printed.has(label), `${label} captioned`);
      // Numbered by chapter: Figure 1.1 in chapter 1, Figure 2.1 in chapter 2, …
      assert.equal(printed.get('fig-flows')?.number, '1.1');
      assert.equal(printed.get('tbl-disputes')?.number, '3.1');
      // The annex (`{.annex}`) is lettered: its table is A.1, not a sixth chapter's or a continued number.
      assert.equal(printed.get('tbl-points')?.number, 'A.1');
    });

    test('every reference prints the number of its target, and a page reference the page the target is on', () => {
      const printed = printedCaptions(pages, refs.captions);
      const text = letters(pages.join('\n'));
      assert.ok(refs.references.length >= 10, `${refs.references.length} references checked`);
      for (const reference of refs.references) {
        const target = printed.get(reference.label);
        assert.ok(target, reference.label);
        const kind = reference.label.startsWith('fig-') ? 'figure' : 'table';
        const expected = reference.before + (reference.page ? `page${target.page}` : `${kind}${letters(target.number)}`);
        assert.ok(text.includes(expected), `${reference.label}: "…${reference.before}" followed by ${reference.page ? `page ${target.page}` : `${kind} ${target.number}`}`);
      }
    });

    test('the lists of figures and tables give the page each caption is on', () => {
      const printed = printedCaptions(pages, refs.captions);
      const lists = pages.find((page) => /^\s*Figures\s*$/m.test(page)) ?? '';
      for (const [label, caption] of refs.captions) {
        const target = printed.get(label);
        const line = lists.split('\n').find((l) => l.trim().startsWith(`${target?.number} `) && letters(l.trim().slice(String(target?.number).length)).startsWith(letters(caption).slice(0, 15)));
        assert.ok(line, `${label} listed`);
        // A caption that wraps carries its page on its last line, after the leader (a number in the caption's own
        // text, "2023", ends a line with one space before it).
        const at = lists.split('\n').indexOf(line);
        const listed = [line, ...lists.split('\n').slice(at + 1, at + 3)].map((l) => /\s{2,}(\d+)\s*$/.exec(l)?.[1]).find(Boolean);
        assert.equal(Number(listed), target?.page, `${label} on page ${target?.page}`);
      }
    });

    test('the contents give the page each chapter and section heading is on, numbered', () => {
      const contents = pages.find((page) => /^\s*Contents/.test(page)) ?? '';
      const entries = [...contents.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: (m[1] ?? '').trim(), page: Number(m[2]) }));
      assert.ok(entries.some((e) => e.title === '3.2 The disputes'), 'numbered sections');
      for (const entry of entries) assert.ok(letters(pages[entry.page - 1] ?? '').includes(letters(entry.title)), `"${entry.title}" on page ${entry.page}`);
    });
  });
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

  test('a citation of several works links each work to its own bibliography entry', async () => {
    const page = authorDate.findIndex((text) => letters(text).includes(letters('see Gilmartin 2015, 12–19; Mustafa 2013, ch. 2')));
    assert.ok(page >= 0, 'the citation is printed');
    const words = pdfWordBoxes(pdf, page + 1);
    const links = await readPdfLinks(pdf);
    const entryPages = authorDate.map((text, index) => ({ text, index })).filter(({ text }) => /^\s*References\s*$/m.test(text.split('\n').slice(0, 3).join('\n')) || /^\s*Gilmartin, David/m.test(text));
    const targets = new Set<string>();
    for (const [author, year, entry] of [['Gilmartin', '2015', 'Gilmartin,'], ['Mustafa', '2013', 'Mustafa,']] as const) {
      // The author's name in the citation, which the link over it must lead to the entry that opens with it.
      const word = words.find((w, index) => w.text === author && words[index + 1]?.text.startsWith(year));
      assert.ok(word, `${author} in the citation`);
      const link = links.find((l) => l.page === page && l.left <= word.left + 1 && l.right >= word.left + word.width - 1 && l.top <= word.top + 1 && l.bottom >= word.top + word.height - 1);
      assert.ok(link, `a link over ${author}`);
      const entryWord = pdfWordBoxes(pdf, link.to + 1).find((w) => w.text === entry);
      assert.ok(entryWord, `${author}'s link leads to the page of the entry "${entry}" (page ${link.to + 1}, bibliography on ${entryPages.map((p) => p.index + 1).join(', ')})`);
      assert.ok(link.toTop === undefined || Math.abs(link.toTop - entryWord.top) < 20, `${author}'s link leads to its entry (${link.toTop} against ${entryWord.top})`);
      targets.add(`${link.to}:${link.toTop ?? ''}`);
    }
    assert.equal(targets.size, 2, 'two works, two places');
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
