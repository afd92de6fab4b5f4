import '../helpers/test-cache.js';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import type { AxeResults } from 'axe-core';
import { check } from '../../src/build/check.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { hideSource } from '../../src/document/hide-source.js';
import { packageRoot } from '../../src/package-paths.js';
import { paginate } from '../../src/render/paginate.js';
import { rendererRoots } from '../../src/render/renderer-roots.js';
import { closeSharedBrowser, sharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { writeTestImages } from '../helpers/test-images.js';

const require = createRequire(import.meta.url);
// WCAG 2.0, 2.1 and 2.2 at levels A and AA, as issue 13 asks.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const manuscripts = [
  { name: 'the seminar report', dir: path.join(packageRoot, 'manuscript') },
  { name: 'plain-gfm', dir: path.join(fixturesDir, 'plain-gfm'), images: true },
  { name: 'policy-paper', dir: path.join(fixturesDir, 'policy-paper') },
  { name: 'scripts', dir: path.join(fixturesDir, 'scripts') },
];

/**
 * Lay a manuscript out in pages as `folio build` does and run axe-core on the pages.
 *
 * Why the paginated pages and not the document before Paged.js: the document Folio writes keeps its content
 * undisplayed until Paged.js takes it (document/hide-source.ts), and axe judges only what is rendered, so it
 * would find nothing to judge; and the pages are what Chromium prints and tags, with the real backgrounds
 * (the navy covers, the tinted boxes) that contrast is measured against. The running heads and folios Paged.js
 * draws in the margins are judged too.
 *
 * axe is evaluated in the tab through the DevTools protocol, as Folio's own handlers are; the page's sandbox
 * (Content-Security-Policy `script-src 'none'`, the request guard) stays as the build has it.
 */
async function axeViolations(dir: string): Promise<AxeResults['violations']> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'folio-axe-'));
  const result = await check(dir, silentReporter());
  assert.ok(result.checked, 'the manuscript checks');
  const file = path.join(work, 'document.html');
  await writeFile(file, toHtml(hideSource(result.checked.document)));
  const paginated = await paginate(await sharedBrowser(), { whole: file }, { timeout: 120_000, allowedRoots: [work, dir, ...rendererRoots] });
  try {
    const [page] = paginated.parts;
    assert.ok(page);
    page.setDefaultTimeout(300_000);
    await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const results = (await page.evaluate(
      (values) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
      tags,
    )) as AxeResults;
    return results.violations;
  } finally {
    await paginated.close();
  }
}

describe('the HTML Folio renders passes axe-core (WCAG 2.2 A and AA)', () => {
  after(closeSharedBrowser);

  for (const manuscript of manuscripts) {
    test(manuscript.name, async () => {
      let dir = manuscript.dir;
      if (manuscript.images) {
        dir = await mkdtemp(path.join(os.tmpdir(), 'folio-axe-manuscript-'));
        await cp(manuscript.dir, dir, { recursive: true });
        await writeTestImages(path.join(dir, 'images'));
      }
      const violations = await axeViolations(dir);
      const described = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1, 2).join('')}`).join('\n')}${violation.nodes.length > 5 ? `\n    … ${violation.nodes.length} in all` : ''}`);
      assert.deepEqual(described, []);
    });
  }
});
