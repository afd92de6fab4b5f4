import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { build } from '../../src/build/build.js';
import { check } from '../../src/build/check.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { FolioError } from '../../src/messages/folio-error.js';
import { paginate } from '../../src/render/paginate.js';
import { rendererRoots } from '../../src/render/renderer-roots.js';
import { buildInTemp, closeSharedBrowser, sharedBrowser } from '../helpers/build-fixture.js';
import { browsersLeftUnder } from '../helpers/live-browsers.js';
import { letters, pdfText } from '../helpers/poppler.js';

describe('a hostile manuscript', () => {
  let server: Server;
  let requests = 0;
  let origin: string;

  before(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.end('body { background: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await closeSharedBrowser();
    await new Promise((resolve) => server.close(resolve));
  });

  async function hostileManuscript(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-hostile-'));
    await writeFile(path.join(dir, 'report.yaml'), 'title: Hostile\n');
    await writeFile(
      path.join(dir, '01.md'),
      [
        '# Hostile',
        '',
        'Plain text survives.',
        '',
        `<script>fetch("${origin}/script"); document.title = "pwned"</script>`,
        '',
        `<p onclick="fetch('${origin}/click')" onmouseover="x()">Handlers removed</p>`,
        '',
        `<iframe src="${origin}/frame"></iframe>`,
        '',
        `<link rel="stylesheet" href="${origin}/style.css">`,
        '',
        `<img src="${origin}/pixel.png" onerror="fetch('${origin}/onerror')">`,
        '',
        `<object data="${origin}/object"></object>`,
        '',
        `A link stays a link: [elsewhere](${origin}/link).`,
        '',
      ].join('\n'),
    );
    return dir;
  }

  test('builds, warns at each element, runs none of it, and sends no request to the server', async () => {
    const result = await buildInTemp(await hostileManuscript());
    const messages = result.files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.ruleId}`));
    for (const line of ['5:raw-html', '7:raw-html', '9:raw-html', '11:raw-html', '13:raw-html', '15:raw-html']) assert.ok(messages.includes(line), `warning for line ${line}`);
    const text = letters(pdfText(result.output));
    assert.ok(text.includes('plaintextsurvives') && text.includes('handlersremoved'));
    assert.ok(!text.includes('pwned') && !text.includes('fetch'));
    assert.equal(requests, 0, 'no request reached the server');
  });

  test('behind the sanitiser, the page itself blocks scripts and remote loads (defence in depth)', async () => {
    const dir = await hostileManuscript();
    const result = await check(dir, silentReporter());
    assert.ok(result.checked);
    // Put back what the sanitiser removed, as a bug in it would.
    const main = result.checked.document.children.find((node) => node.type === 'element');
    assert.ok(main && main.type === 'element');
    const body = main.children.find((node) => node.type === 'element' && node.tagName === 'body');
    assert.ok(body && body.type === 'element');
    body.children.push(
      h('script', `fetch("${origin}/injected"); document.body.dataset.ran = "yes"`),
      h('img', { src: `${origin}/injected.png` }),
      h('link', { rel: 'stylesheet', href: `${origin}/injected.css` }),
    );
    const html = path.join(dir, 'document.html');
    await writeFile(html, toHtml(result.checked.document));
    const paginated = await paginate(await sharedBrowser(), { whole: html }, { timeout: 60_000, allowedRoots: [dir, ...rendererRoots] });
    const ran = await paginated.parts[0]?.evaluate(() => document.body.dataset['ran']);
    await paginated.close();
    assert.equal(ran, undefined, 'the injected script did not run');
    assert.equal(requests, 0, 'no request reached the server');
    assert.ok(paginated.problems.some((problem) => problem.includes(`${origin}/injected`)), 'the blocked request is reported with its URL');
  });
});

describe('a layout that cannot be completed', () => {
  after(closeSharedBrowser);

  test('a table row taller than a page fails the build, naming the file and line, and keeps the last PDF', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-tall-'));
    await writeFile(path.join(dir, 'report.yaml'), 'title: Tall\n');
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    await writeFile(path.join(dir, '01.md'), `# Tall\n\nBefore.\n\n| A | B |\n|---|---|\n| x | ${words} |\n\nAfter.\n`);
    const output = path.join(dir, 'report.pdf');
    await writeFile(output, 'previous');
    await assert.rejects(buildInTemp(dir, { output }), (error: unknown) => {
      assert.ok(error instanceof FolioError);
      assert.match(error.message, /lost text at 01\.md:5 \(table\)/);
      return true;
    });
    assert.equal(await readFile(output, 'utf8'), 'previous');
  });

  test('a browser that dies during the layout is a clear error, and no browser process is left', async () => {
    const { launchBrowser } = await import('../../src/render/launch-browser.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-crash-'));
    await writeFile(path.join(dir, 'report.yaml'), 'title: Crash\n');
    const sentences = Array.from({ length: 12000 }, (_, i) => `Sentence ${i} of a long chapter.${i % 100 === 99 ? '\n\n' : ''}`).join(' ');
    await writeFile(path.join(dir, '01.md'), `# Crash\n\n${sentences}\n`);
    // Chromium's profile folder lies in TMPDIR at launch: its own marks this browser among any others running.
    const marker = await mkdtemp(path.join(os.tmpdir(), 'folio-marker-'));
    const tmpdir = process.env['TMPDIR'];
    process.env['TMPDIR'] = marker;
    const browser = await launchBrowser().finally(() => (tmpdir === undefined ? delete process.env['TMPDIR'] : (process.env['TMPDIR'] = tmpdir)));
    // Kill the browser a moment into the layout, whatever this machine's speed.
    const quiet = silentReporter();
    const reporter = { ...quiet, stage: <T>(name: string, run: () => Promise<T> | T) => {
      if (name === 'lay out pages') setTimeout(() => browser.process()?.kill('SIGKILL'), 300);
      return quiet.stage(name, run);
    } };
    await assert.rejects(build({ dir, output: path.join(dir, 'out.pdf'), browser }, reporter), (error: unknown) => {
      assert.ok(error instanceof FolioError, String(error));
      assert.match(error.message, /browser quit unexpectedly|page crashed/);
      return true;
    });
    assert.equal(await browsersLeftUnder(marker), 0, 'no browser process is left');
  });

  test('a layout over its time limit stops with a message that says so', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-slow-'));
    await writeFile(path.join(dir, 'report.yaml'), 'title: Slow\n');
    // About 80 pages: more than any machine lays out in 150 ms (Paged.js takes some 8 ms a page here).
    await writeFile(path.join(dir, '01.md'), `# Slow\n\n${`${'A paragraph of text. '.repeat(200)}\n\n`.repeat(100)}`);
    await assert.rejects(buildInTemp(dir, { timeout: 150 }), (error: unknown) => {
      assert.ok(error instanceof FolioError, String(error));
      assert.match(error.message, /took over|over 0 s|Loading/);
      return true;
    });
  });
});
