import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { createHyphenator } from '../../src/html/create-hyphenator.js';
import { compileChapter } from '../../src/markdown/compile-chapter.js';
import { createCitationEngine } from '../../src/citations/citation-engine.js';
import { readLocale } from '../../src/citations/citation-style.js';
import { loadBibliography } from '../../src/citations/load-bibliography.js';
import { placeBibliography } from '../../src/citations/place-bibliography.js';
import { packageRoot } from '../../src/package-paths.js';
import { assertFixture, fixturesDir } from '../helpers/fixtures.js';

const root = path.join(fixturesDir, 'markdown');
const { hyphenate } = createHyphenator('en-GB');
const cases = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'images');

for (const { name } of cases) {
  test(`markdown: ${name}`, async () => {
    const file = new VFile({ path: `${name}/input.md`, value: await readFile(path.join(root, name, 'input.md'), 'utf8') });
    const citations = await citationsOf(path.join(root, name));
    const tree = await compileChapter(file, { root, hyphenate, idPrefix: 'c1-', citations });
    // A case that cites shows its bibliography too, where `:::bibliography` stands or after the chapter.
    const trees = citations ? placeBibliography([{ file, tree }], citations).map((chapter) => chapter.tree) : [tree];
    const html = trees.map((each) => toHtml(each)).join('\n').replaceAll(pathToFileURL(root).href, 'file:///FIXTURES').replaceAll('\u00AD', '&shy;');
    await assertFixture(path.join(root, name, 'output.html'), `${html}\n`);
    const messages = file.messages.map((m) => `${m.line ?? 0}:${m.column ?? 0} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`);
    await assertFixture(path.join(root, name, 'messages.txt'), messages.length > 0 ? `${messages.join('\n')}\n` : '');
  });
}

/** A case with a references.bib cites from it, in the style its style.txt names (Chicago author-date by default). */
async function citationsOf(dir: string) {
  const bib = await readFile(path.join(dir, 'references.bib'), 'utf8').catch(() => undefined);
  if (bib === undefined) return undefined;
  const style = (await readFile(path.join(dir, 'style.txt'), 'utf8').catch(() => 'chicago-author-date')).trim();
  const xml = await readFile(path.join(packageRoot, 'templates', 'csl', `${style}.csl`), 'utf8');
  const file = new VFile({ path: 'references.bib', value: bib });
  return createCitationEngine(file, loadBibliography(file), { xml, note: xml.includes('class="note"') }, readLocale('en-GB'), 'en-GB');
}
