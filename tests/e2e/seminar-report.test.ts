import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { packageRoot } from '../../src/package-paths.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { readOutline } from '../helpers/outline.js';
import { readPageLabels } from '../helpers/page-labels.js';
import { letters, pdfBodyText, pdfFonts, pdfImages, pdfInfo, pdfPages } from '../helpers/poppler.js';

const manuscript = path.join(packageRoot, 'manuscript');

/** The manuscript's text units (headings, paragraphs, list items, table cells, speakers) and its headings. */
async function manuscriptText(): Promise<{ units: string[]; headings: { depth: number; text: string }[] }> {
  const units: string[] = [];
  const headings: { depth: number; text: string }[] = [];
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
  for (const name of (await readdir(manuscript)).filter((file) => file.endsWith('.md')).sort()) {
    const tree = parser.parse(await readFile(path.join(manuscript, name), 'utf8')) as Root;
    visit(tree, (node) => {
      if (node.type === 'heading') headings.push({ depth: node.depth, text: toString(node) });
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') units.push(toString(node, { includeImageAlt: false }));
      if (node.type === 'leafDirective') units.push(toString(node), ...Object.values(node.attributes ?? {}).filter((value): value is string => typeof value === 'string' && !value.startsWith('images/')));
      if (node.type === 'image' && node.title) units.push(node.title);
    });
  }
  return { units: units.filter((unit) => unit.trim()), headings };
}

describe('the seminar report, built end to end', () => {
  let pdf: string;
  let pages: string[];
  let result: Awaited<ReturnType<typeof buildInTemp>>;

  before(async () => {
    result = await buildInTemp(manuscript);
    pdf = result.output;
    pages = pdfPages(pdf);
  });
  after(closeSharedBrowser);

  test('holds every heading, paragraph, list item, programme line and speaker of the manuscript', async () => {
    const { headings } = await manuscriptText();
    const text = letters(pdfBodyText(pdf, 'The Dynamics of Pakistan-Afghanistan Relations', headings.filter((h) => h.depth === 1).map((h) => h.text)));
    const { units } = await manuscriptText();
    assert.ok(units.length > 100, 'the manuscript has its text');
    const missing = units.filter((unit) => !text.includes(letters(unit)));
    assert.deepEqual(missing, []);
  });

  test('has the cover, inner cover, disclaimer, contents, chapters and back cover in order', () => {
    const page = (index: number) => letters(pages.at(index) ?? '');
    assert.match(page(0), /internationalseminarthedynamicsofpakistanafghanistanrelations/);
    assert.match(page(1), /postseminarreportsponsordrmuhammadshabbir.*compiledbymssidrakhan/);
    assert.match(page(2), /disclaimer.*chathamhouserules/);
    assert.match(page(3), /^contents/);
    assert.match(page(-1), /nationaldefenceuniversity/);
    for (const chapter of ['Concept Note', 'Prelude', 'Key Findings', 'Programme', 'Summary of the Proceedings', 'Summary Session I', 'Summary Session II', 'Roundtable', 'Picture Gallery']) {
      assert.ok(pages.some((page, index) => index > 3 && page.includes(chapter)), `${chapter} is printed`);
    }
  });

  test('numbers body pages with the physical page number, and leaves covers and front pages unnumbered', () => {
    const folio = (page: string) => page.trim().split('\n').at(-1)?.trim() ?? '';
    for (const [index, page] of pages.entries()) {
      const number = index + 1;
      const isUnnumbered = index <= 2 || index === pages.length - 1;
      if (isUnnumbered) assert.doesNotMatch(folio(page), /^\d+$/, `page ${number} carries no folio`);
      else assert.equal(folio(page), String(number), `page ${number} prints its own number`);
    }
  });

  test('has page labels that match the printed folios, so a viewer shows each page its own number', async () => {
    const labels = await readPageLabels(pdf);
    assert.equal(labels.length, pages.length);
    assert.equal(labels[0], 'Cover');
    assert.equal(labels.at(-1), 'Back cover');
    for (const [index, page] of pages.entries()) {
      const folio = page.trim().split('\n').at(-1)?.trim() ?? '';
      if (/^\d+$/.test(folio)) assert.equal(labels[index], folio, `page ${index + 1}`);
    }
  });

  test('lists every chapter and session in the contents, each with the page its heading is printed on', async () => {
    const contents = pages[3] ?? '';
    const entries = [...contents.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((match) => ({ title: (match[1] as string).trim(), page: Number(match[2]) }));
    const { headings } = await manuscriptText();
    const expected = headings.filter((heading) => heading.depth <= 2);
    assert.equal(entries.length, expected.length, 'one contents line per chapter and section');
    for (const entry of entries) {
      const page = pages[entry.page - 1] ?? '';
      assert.ok(letters(page).includes(letters(entry.title)), `"${entry.title}" is on page ${entry.page}`);
    }
    // A chapter title opens its page: the contents must not point one page early or late.
    for (const entry of entries.filter((item) => expected.some((h) => h.depth === 1 && letters(h.text) === letters(item.title)))) {
      const opening = (pages[entry.page - 1] ?? '').trim().split('\n')[0] ?? '';
      assert.equal(letters(opening), letters(entry.title), `page ${entry.page} opens with "${entry.title}"`);
    }
  });

  test('embeds every font as TrueType, only the bundled families, none Type 3', () => {
    const fonts = pdfFonts(pdf);
    assert.ok(fonts.length > 0);
    for (const font of fonts) {
      assert.ok(font.embedded, `${font.name} is embedded`);
      assert.notEqual(font.type, 'Type 3', `${font.name} is not Type 3`);
      assert.match(font.name, /\+(SourceSerif4|SourceSans3|SourceCodePro)/, `${font.name} is a bundled face, not a system font`);
    }
  });

  test('embeds the speaker portraits and the gallery photos', () => {
    const images = pdfImages(pdf).filter((image) => image.width >= 100);
    assert.ok(images.length >= 9 + 12, `found ${images.length} photos`);
  });

  test('has bookmarks for the chapters and, under them, the sessions, each opening the right page', async () => {
    const outline = await readOutline(pdf);
    const titles = outline.map((item) => item.title);
    for (const chapter of ['Concept Note', 'Programme', 'Summary Session I', 'Summary Session II', 'Roundtable', 'Picture Gallery']) assert.ok(titles.includes(chapter), `bookmark ${chapter}`);
    const session = outline.find((item) => item.title.startsWith('Major Power Competition'));
    assert.ok(session && session.depth === 2, 'Session I title is a second-level bookmark');
    for (const item of outline.filter((entry) => entry.page !== undefined && entry.depth <= 2)) {
      assert.ok(letters(pages[item.page as number] ?? '').includes(letters(item.title)), `bookmark "${item.title}" opens the page it is on`);
    }
  });

  test('carries title, author, subject, keywords and language in its metadata', async () => {
    const { fields, pages: count } = pdfInfo(pdf);
    assert.equal(fields['Title'], 'The Dynamics of Pakistan-Afghanistan Relations');
    assert.match(fields['Author'] ?? '', /ISSRA/);
    assert.match(fields['Subject'] ?? '', /seminar/i);
    // One keyword of several words stays apart from the next.
    assert.match(fields['Keywords'] ?? '', /Pakistan, Afghanistan, bilateral relations, regional cooperation,/);
    assert.equal(fields['Tagged'], 'yes');
    assert.equal(count, pages.length);
    assert.match(await readFile(pdf, 'latin1'), /\/Lang \(en-GB\)/);
  });

  test('is reproducible: a second build of the unchanged manuscript is byte-identical', async () => {
    const again = await buildInTemp(manuscript);
    assert.ok((await readFile(again.output)).equals(await readFile(pdf)), 'same bytes');
  });

  test('takes its dates from SOURCE_DATE_EPOCH when set, never from the clock', async () => {
    process.env['SOURCE_DATE_EPOCH'] = '1705363200';
    try {
      const dated = await buildInTemp(manuscript);
      assert.match(pdfInfo(dated.output).fields['CreationDate'] ?? '', /Jan 16 00:00:00 2024/);
    } finally {
      delete process.env['SOURCE_DATE_EPOCH'];
    }
    assert.equal(pdfInfo(pdf).fields['CreationDate'], undefined, 'no published date and no epoch: no date at all');
  });

  test('sets type the way a typesetter would: no stranded headings, orphans or widows, and no browser problems', () => {
    assert.deepEqual(result.layoutIssues.filter((fault) => ['layout-stranded-heading', 'layout-orphan-widow', 'layout-overfull', 'layout-table-break'].includes(fault.kind)), []);
    // Every fault the finder reports names its page and the manuscript line.
    for (const fault of result.layoutIssues) assert.match(`${fault.source ?? ''} ${fault.page}`, /^\d\d-[\w-]+\.md:\d+ \d+$/);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.files.flatMap((file) => file.messages.map(String)), []);
  });
});
