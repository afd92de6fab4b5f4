import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { createHyphenator } from '../../src/html/create-hyphenator.js';
import { compileChapter } from '../../src/markdown/compile-chapter.js';
import { assertFixture, fixturesDir } from '../helpers/fixtures.js';

const root = path.join(fixturesDir, 'markdown');
const { hyphenate } = createHyphenator('en-GB');
const cases = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'images');

for (const { name } of cases) {
  test(`markdown: ${name}`, async () => {
    const file = new VFile({ path: `${name}/input.md`, value: await readFile(path.join(root, name, 'input.md'), 'utf8') });
    const tree = await compileChapter(file, { root, hyphenate, idPrefix: 'c1-' });
    const html = toHtml(tree).replaceAll(pathToFileURL(root).href, 'file:///FIXTURES').replaceAll('\u00AD', '&shy;');
    await assertFixture(path.join(root, name, 'output.html'), `${html}\n`);
    const messages = file.messages.map((m) => `${m.line ?? 0}:${m.column ?? 0} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`);
    await assertFixture(path.join(root, name, 'messages.txt'), messages.length > 0 ? `${messages.join('\n')}\n` : '');
  });
}
