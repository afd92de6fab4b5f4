import '../helpers/test-cache.js';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/package-paths.js';
import { browsersLeftUnder } from '../helpers/live-browsers.js';
import { letters, pdfText } from '../helpers/poppler.js';

test('folio watch rebuilds on save, reports the changed pages, keeps the last good PDF on a broken edit, and stops cleanly', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-watch-'));
  await cp(path.join(packageRoot, 'manuscript'), dir, { recursive: true });
  const output = path.join(dir, 'out.pdf');
  const marker = await mkdtemp(path.join(os.tmpdir(), 'folio-marker-'));
  const child = spawn(process.execPath, [path.join(packageRoot, 'bin', 'folio.js'), 'watch', dir, '-o', output], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: marker } });
  let log = '';
  const waiters: { pattern: RegExp; from: number; resolve: () => void }[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(log.slice(waiter.from))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const next = (pattern: RegExp) => {
    const from = log.length;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${log.slice(from)}`)), 60_000);
      waiters.push({ pattern, from, resolve: () => (clearTimeout(timer), resolve()) });
    });
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    await next(/Watching for changes/);
    assert.match(log, /Wrote .*out\.pdf: 20 pages/);

    const chapter = path.join(dir, '02-prelude.md');
    const original = await readFile(chapter, 'utf8');
    let waiting = next(/Watching for changes/);
    await writeFile(chapter, original.replace('This report encapsulates', 'This report, freshly edited, encapsulates'));
    await waiting;
    assert.match(log, /Changed: .*02-prelude\.md/);
    assert.match(log, /Wrote .*: 20 pages in [\d.]+ s; page 6 changed/);
    assert.ok(letters(pdfText(output)).includes('freshlyedited'), 'the edit is in the PDF');

    waiting = next(/Watching for changes/);
    await writeFile(chapter, `${original}\n![A photo that is not there](images/missing.jpg)\n`);
    await waiting;
    assert.match(log, /02-prelude\.md:\d+:1  error  Image not found: images\/missing\.jpg/);
    assert.match(log, /the last good PDF is unchanged/);
    assert.ok(letters(pdfText(output)).includes('freshlyedited'), 'the last good PDF is still there');

    waiting = next(/Watching for changes/);
    await writeFile(chapter, original);
    await waiting;
    assert.ok(!letters(pdfText(output)).includes('freshlyedited'), 'fixing it rebuilds');

    // Editors often save by writing a copy and renaming it over the file: that is a change too.
    waiting = next(/Watching for changes/);
    await writeFile(`${chapter}.swp`, original.replace('This report encapsulates', 'This report, saved atomically, encapsulates'));
    await rename(`${chapter}.swp`, chapter);
    await waiting;
    assert.ok(letters(pdfText(output)).includes('savedatomically'), 'an atomic save rebuilds');
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await exited, 0);
  assert.match(log, /Stopped watching/);
  assert.equal(await browsersLeftUnder(marker), 0, 'no browser left behind');
});
