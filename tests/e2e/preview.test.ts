import '../helpers/test-cache.js';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { silentReporter } from '../../src/cli/reporter.js';
import { packageRoot } from '../../src/package-paths.js';
import { startPreview } from '../../src/preview/preview-server.js';
import { readerBrowser } from '../helpers/reader-browser.js';

const reader = readerBrowser();
after(async () => (await reader).close());

test('folio preview shows the pages in the browser, follows edits, shows a broken edit over the last good pages', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-preview-'));
  await cp(path.join(packageRoot, 'manuscript'), dir, { recursive: true });
  const preview = await startPreview({ dir, port: 0 }, silentReporter());
  const page = await (await reader).newPage();
  try {
    await page.goto(preview.url);
    await page.waitForSelector('body[data-folio-ready]', { timeout: 60_000 });
    assert.equal(await page.$eval('body', (body) => body.dataset['folioPages']), '20');
    assert.match(await page.$eval('#folio-status', (status) => status.textContent ?? ''), /^20 pages · built in \d+ ms · laid out in \d+ ms$/);
    assert.equal(await page.$eval('.toc-page[data-target="concept-note"]', (slot) => slot.textContent), '5', 'contents numbers filled in');

    await page.evaluate(() => window.scrollTo(0, 4000));
    const chapter = path.join(dir, '03-key-findings.md');
    const original = await readFile(chapter, 'utf8');
    let reloaded = page.waitForNavigation({ timeout: 60_000 });
    await writeFile(chapter, original.replace('some key findings', 'some freshly previewed key findings'));
    await reloaded;
    await page.waitForSelector('body[data-folio-ready]', { timeout: 60_000 });
    assert.match(await page.$eval('.pagedjs_pages', (pages) => (pages.textContent ?? '').replaceAll('\u00AD', '')), /freshly previewed/);
    assert.ok((await page.evaluate(() => window.scrollY)) > 3000, 'the reader keeps their place');

    await writeFile(chapter, `${original}\n:::unknown\nx\n:::\n`);
    await page.waitForSelector('body[data-folio-error]', { timeout: 60_000 });
    assert.match(await page.$eval('#folio-errors', (panel) => panel.textContent ?? ''), /03-key-findings\.md:\d+:1  error  Unknown directive `:::unknown`/);
    assert.match(await page.$eval('.pagedjs_pages', (pages) => (pages.textContent ?? '').replaceAll('\u00AD', '')), /freshly previewed/, 'the last good pages stay');

    reloaded = page.waitForNavigation({ timeout: 60_000 });
    await writeFile(chapter, original);
    await reloaded;
    await page.waitForSelector('body[data-folio-ready]', { timeout: 60_000 });
    assert.equal(await page.$('body[data-folio-error]'), null, 'the error is gone once fixed');
  } finally {
    await page.close();
    await preview.close();
  }
});
