import '../helpers/test-cache.js';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { browsersLeftUnder } from '../helpers/live-browsers.js';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { packageRoot } from '../../src/package-paths.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfPages } from '../helpers/poppler.js';

const bin = path.join(packageRoot, 'bin', 'folio.js');

function folio(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function plainManuscript(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
  await cp(path.join(fixturesDir, 'plain-gfm'), dir, { recursive: true });
  // Only the SVG is committed; point the chapter at it so the CLI tests need no generated photos.
  const chapter = path.join(dir, '01-findings.md');
  await writeFile(chapter, (await readFile(chapter, 'utf8')).replace(/images\/\S+\.(jpg|png)/g, 'images/diagram.svg'));
  return dir;
}

describe('the folio command', () => {
  test('refuses a broken manuscript with file:line:column messages, exit 1, and leaves the last PDF alone', async () => {
    const dir = await plainManuscript();
    await writeFile(path.join(dir, 'report.yaml'), 'title: Broken\nsubtitel: typo\n');
    await writeFile(path.join(dir, '03-broken.md'), '# Broken\n\nText.\n\n![Missing photo](images/nowhere.jpg)\n');
    const output = path.join(dir, 'out.pdf');
    await writeFile(output, 'the previous good PDF');
    const run = folio(['build', dir, '-o', output]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /report\.yaml:2:1.*error.*Unknown key `subtitel`\. Did you mean `subtitle`\?/);
    assert.match(run.stderr, /nothing was written/);
    assert.equal(await readFile(output, 'utf8'), 'the previous good PDF');
    await writeFile(path.join(dir, 'report.yaml'), 'title: Broken\n');
    const second = folio(['build', dir, '-o', output]);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /03-broken\.md:5:1.*error.*Image not found: images\/nowhere\.jpg/);
    assert.equal(await readFile(output, 'utf8'), 'the previous good PDF');
    await writeFile(path.join(dir, '03-broken.md'), '# Mended\n\nText.\n');
    const mended = folio(['build', dir, '-o', output]);
    assert.equal(mended.code, 0, mended.stderr);
    assert.doesNotMatch(mended.stderr, /warning|PDF\/UA/, 'an official PDF that passes the accessibility check builds without a word about it');
  });

  test('says what to install when it finds no browser', async () => {
    const run = folio(['build', await plainManuscript(), '-o', path.join(os.tmpdir(), 'never.pdf')], { FOLIO_CHROME: '/nonexistent/chrome' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /FOLIO_CHROME is set to \/nonexistent\/chrome, but there is no file there/);
  });

  test('writes the PDF, a proof sheet, self-contained HTML and a draft, with progress per stage', async () => {
    const dir = await plainManuscript();
    const output = path.join(dir, 'out', 'report.pdf');
    const run = folio(['build', dir, '-o', output, '--proof', path.join(dir, 'proof.png'), '--html', path.join(dir, 'report.html'), '--draft']);
    assert.equal(run.code, 0, run.stderr);
    for (const stage of ['read manuscript', 'compile chapters', 'lay out pages', 'print pdf']) assert.match(run.stderr, new RegExp(`✓ ${stage}\\s+\\d+(\\.\\d+)? m?s`));
    assert.match(run.stderr, /Wrote .*report\.pdf: \d+ pages in [\d.]+ s/);
    const pages = pdfPages(output);
    assert.ok(pages.every((page) => letters(page).includes('draftbuilt')), 'every page marked DRAFT with its build time');
    const proof = await sharp(path.join(dir, 'proof.png')).metadata();
    assert.ok((proof.width ?? 0) > 1000 && (proof.height ?? 0) > 200, 'a contact sheet of thumbnails');
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    assert.doesNotMatch(html, /(src|href)="file:|url\("?file:/, 'no references to local files');
    assert.match(html, /data:font\/woff2;base64,/);
    assert.match(html, /<h1 data-line="1" id="findings">Findings<\/h1>/);
  });

  test('check reports problems without building: text for people, JSON for machines', () => {
    const bad = path.join(fixturesDir, 'bad', 'images');
    const text = folio(['check', bad]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /01\.md:3:1  error  Image not found: images\/missing\.jpg\..*image-missing/);
    assert.match(text.stdout, /  3 \| !\[Missing\]\(images\/missing\.jpg "Not there"\)\n +\| \^/, 'a code frame under the error');
    const json = folio(['check', bad, '--format', 'json']);
    assert.equal(json.code, 1);
    const messages = JSON.parse(json.stdout) as { file: string; line: number; severity: string; rule: string }[];
    assert.ok(messages.some((m) => m.file.endsWith('01.md') && m.line === 9 && m.severity === 'error' && m.rule === 'image-unreadable'));
    const warningsOnly = folio(['check', path.join(fixturesDir, 'bad', 'hostile')]);
    assert.equal(warningsOnly.code, 0, 'warnings alone do not fail');
    const clean = folio(['check', path.join(packageRoot, 'manuscript')]);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, 'No problems found.\n', 'the seminar report passes folio check with no warnings');
  });

  test('Ctrl-C stops the build, leaves the last PDF as it was, and leaves no browser running', async () => {
    const dir = await plainManuscript();
    const output = path.join(dir, 'report.pdf');
    await writeFile(output, 'the previous good PDF');
    const marker = await mkdtemp(path.join(os.tmpdir(), 'folio-marker-'));
    const child = spawn(process.execPath, [bin, 'build', dir, '-o', output], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: marker } });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /✓ start browser/.test(stderr)) sent = child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /cancelled; the previous output is unchanged/);
    assert.equal(await readFile(output, 'utf8'), 'the previous good PDF');
    assert.equal(await browsersLeftUnder(marker), 0, 'no browser process left behind');
  });

  test('two builds to the same file at once leave one whole PDF', async () => {
    const dir = await plainManuscript();
    const output = path.join(dir, 'same.pdf');
    const runs = await Promise.all([0, 1].map(() => new Promise<number | null>((resolve) => spawn(process.execPath, [bin, 'build', dir, '-o', output, '-q'], { stdio: 'ignore' }).on('exit', resolve))));
    assert.deepEqual(runs, [0, 0]);
    assert.ok(pdfPages(output).length > 4, 'a readable PDF');
    assert.deepEqual((await readdir(dir)).filter((name) => name.endsWith('.tmp')), [], 'no temporary files left');
  });

  test('unknown options fail with usage and exit 2', () => {
    const run = folio(['build', '--nonsense']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown option '--nonsense'/);
  });
});
