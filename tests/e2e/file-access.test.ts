import '../helpers/test-cache.js';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { check } from '../../src/build/check.js';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { silentReporter } from '../../src/cli/reporter.js';
import { packageRoot } from '../../src/package-paths.js';
import { startPreview } from '../../src/preview/preview-server.js';
import { paginate } from '../../src/render/paginate.js';
import { rendererRoots } from '../../src/render/renderer-roots.js';
import { closeSharedBrowser, sharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfText } from '../helpers/poppler.js';

const bin = path.join(packageRoot, 'bin', 'folio.js');
const marker = 'OUTSIDE-SECRET-7c1e5a';
const previous = 'the previous good PDF';

/** A small manuscript (one chapter, an SVG) next to an outside folder whose file holds a unique marker. */
async function manuscript(): Promise<{ base: string; dir: string; secret: string; output: string }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'folio-files-e2e-'));
  const dir = path.join(base, 'manuscript');
  await mkdir(path.join(dir, 'images'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  const secret = path.join(base, 'outside', 'secret.md');
  await writeFile(secret, `# ${marker}\n\n${marker} ${marker}\n`);
  await writeFile(path.join(dir, 'report.yaml'), 'title: Files at the door\n');
  await writeFile(path.join(dir, '01-one.md'), '# One\n\nText inside the folder.\n\n![A diagram](images/diagram.svg "A diagram")\n');
  await cp(path.join(fixturesDir, 'plain-gfm', 'images', 'diagram.svg'), path.join(dir, 'images', 'diagram.svg'));
  const output = path.join(base, 'out', 'report.pdf');
  await mkdir(path.dirname(output));
  await writeFile(output, previous);
  return { base, dir, secret, output };
}

/** Run folio, timed; it must end on its own well within the limit (a blocking read would hang it). */
function folio(args: string[], limit = 30_000) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 90_000 });
  const ms = performance.now() - started;
  assert.notEqual(run.signal, 'SIGTERM', `folio ${args.join(' ')} did not end: ${run.stderr}`);
  assert.ok(ms < limit, `folio ${args.join(' ')} took ${Math.round(ms)} ms`);
  assert.doesNotMatch(run.stderr, /\n\s+at |unexpected failure|ENOENT|EISDIR|ERR_/, 'no stack trace or raw error');
  assert.ok(!run.stderr.includes(marker) && !run.stdout.includes(marker), 'no byte of the outside file in the messages');
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

/** Every file under a folder, read: nothing Folio wrote may hold the outside file's bytes. */
async function assertNoMarkerUnder(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) assert.ok(!(await readFile(path.join(entry.parentPath, entry.name))).includes(marker), `${entry.name} holds the outside file`);
  }
}

/** A PNG (8×8 inside) whose header says 30000×30000, with a correct checksum: what a reader of the header sees. */
async function hugePng(file: string): Promise<void> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer();
  png.writeUInt32BE(30000, 16);
  png.writeUInt32BE(30000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  await writeFile(file, png);
}

/** A JPEG whose frame header claims 65000×65000 pixels. */
async function hugeJpeg(file: string): Promise<void> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg().toBuffer();
  const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  assert.ok(frame > 0);
  jpeg.writeUInt16BE(65000, frame + 5);
  jpeg.writeUInt16BE(65000, frame + 7);
  await writeFile(file, jpeg);
}

describe('one door to the file system: a hostile manuscript is refused at the place that names the file', () => {
  const cases: { name: string; setup: (m: Awaited<ReturnType<typeof manuscript>>) => Promise<void>; expect: RegExp[] }[] = [
    {
      name: 'a chapter that is a link to a file outside',
      setup: async ({ dir, secret }) => symlink(secret, path.join(dir, '02-secret.md')),
      expect: [/02-secret\.md:1:1 +error +02-secret\.md is a link that leads out of the manuscript folder \(or nowhere\).* +file-outside/],
    },
    {
      name: 'a chapter linked to /dev/zero, and a pipe and a folder named like chapters',
      setup: async ({ dir }) => {
        await symlink('/dev/zero', path.join(dir, '02-zero.md'));
        execFileSync('mkfifo', [path.join(dir, '03-pipe.md')]);
        await mkdir(path.join(dir, '04-folder.md'));
      },
      expect: [/02-zero\.md:1:1 +error .* +file-outside/, /03-pipe\.md:1:1 +error +03-pipe\.md is a named pipe, not a file.* +file-not-regular/, /04-folder\.md:1:1 +error +04-folder\.md is a folder, not a file.* +file-not-regular/],
    },
    {
      name: 'a chapter over the size limit',
      setup: async ({ dir }) => {
        await writeFile(path.join(dir, '02-huge.md'), '# Huge\n');
        await truncate(path.join(dir, '02-huge.md'), 5 * 1024 * 1024);
      },
      expect: [/02-huge\.md:1:1 +error +02-huge\.md is 5\.0 MB, more than the 1\.0 MB Folio reads for a chapter.* +file-too-large/],
    },
    {
      name: 'images linked outside, file: URLs (to a file that exists and to one that does not) and a folder named like an image',
      setup: async ({ dir, secret }) => {
        await symlink(secret, path.join(dir, 'images', 'linked.png'));
        await symlink(path.dirname(secret), path.join(dir, 'images', 'outside-folder'));
        await mkdir(path.join(dir, 'images', 'folder.jpg'));
        const lines = ['![Linked](images/linked.png)', '![Through a linked folder](images/outside-folder/secret.md)', '![Passwd](file:///etc/passwd)', '![Nothing](file:///etc/no-such-file)', '![Host](file://host/share/x.jpg)', '![Folder](images/folder.jpg)'];
        await writeFile(path.join(dir, '02-images.md'), `# Images\n\n${lines.join('\n\n')}\n`);
      },
      expect: [
        /02-images\.md:3:1 +error +Image images\/linked\.png is outside the manuscript folder.* +image-outside/,
        /02-images\.md:5:1 +error +Image images\/outside-folder\/secret\.md is outside the manuscript folder.* +image-outside/,
        /02-images\.md:7:1 +error +Image file:\/\/\/etc\/passwd is outside the manuscript folder \(or a link leading out of it, or nowhere\): copy the file into the folder \(for example images\/\) and use its path relative to the folder\. +image-outside/,
        /02-images\.md:9:1 +error +Image file:\/\/\/etc\/no-such-file is outside the manuscript folder \(or a link leading out of it, or nowhere\): copy the file into the folder \(for example images\/\) and use its path relative to the folder\. +image-outside/,
        /02-images\.md:11:1 +error +Image file:\/\/host\/share\/x\.jpg is outside the manuscript folder.* +image-outside/,
        /02-images\.md:13:1 +error +Image images\/folder\.jpg is a folder, not a file.* +file-not-regular/,
      ],
    },
    {
      name: 'images with too many pixels: a PNG of 30000×30000 and a JPEG claiming 65000×65000',
      setup: async ({ dir }) => {
        await hugePng(path.join(dir, 'images', 'huge.png'));
        await hugeJpeg(path.join(dir, 'images', 'huge.jpg'));
        await writeFile(path.join(dir, '02-pixels.md'), '# Pixels\n\n![Huge PNG](images/huge.png)\n\n![Huge JPEG](images/huge.jpg)\n');
      },
      expect: [
        /02-pixels\.md:3:1 +error +huge\.png has too many pixels: 30,000 × 30,000, more than the 150 million Folio opens\..* +image-pixels/,
        /02-pixels\.md:5:1 +error +huge\.jpg has too many pixels: 65,000 × 65,000, more than the 150 million Folio opens\..* +image-pixels/,
      ],
    },
    {
      name: 'report.yaml naming a logo outside, a font that is a pipe and a cover photo that is a folder',
      setup: async ({ dir, secret }) => {
        execFileSync('mkfifo', [path.join(dir, 'font.ttf')]);
        await mkdir(path.join(dir, 'images', 'cover.jpg'));
        await writeFile(path.join(dir, 'report.yaml'), `title: Files at the door\nlogo: ${secret}\ncover:\n  image: images/cover.jpg\ntheme:\n  fonts:\n    text:\n      regular: font.ttf\n`);
      },
      expect: [/report\.yaml:2:7 +error +`logo`: .* is outside the manuscript folder.* +image-outside/, /report\.yaml:4:10 +error +`cover\.image`: images\/cover\.jpg is a folder, not a file.* +file-not-regular/, /report\.yaml:8:16 +error +`theme\.fonts\.text\.regular`: font\.ttf is a named pipe, not a file.* +file-not-regular/],
    },
  ];

  for (const { name, setup, expect } of cases) {
    test(name, async () => {
      const m = await manuscript();
      await setup(m);
      const run = folio(['build', m.dir, '-o', m.output]);
      assert.equal(run.code, 1, run.stderr);
      for (const pattern of expect) assert.match(run.stderr, pattern);
      assert.match(run.stderr, /nothing was written/);
      assert.equal(await readFile(m.output, 'utf8'), previous, 'the previous PDF is untouched');
      await assertNoMarkerUnder(path.dirname(m.output));
      // `check` says the same, and as fast.
      const checked = folio(['check', m.dir]);
      assert.equal(checked.code, 1);
      for (const pattern of expect) assert.match(checked.stdout, pattern);
    });
  }

  test('-o naming a folder or a chapter is refused before the build (or watch) starts (exit 2), and nothing is written', async () => {
    const m = await manuscript();
    const chapter = path.join(m.dir, '01-one.md');
    const original = await readFile(chapter, 'utf8');
    const intoFolder = folio(['build', m.dir, '-o', path.dirname(m.output)], 20_000);
    assert.equal(intoFolder.code, 2);
    assert.match(intoFolder.stderr, /folio: -o .*out is a folder: give the file to write, such as .*report\.pdf\. Nothing was written\./);
    assert.doesNotMatch(intoFolder.stderr, /read manuscript|start browser/, 'refused before any stage');
    assert.deepEqual(await readdir(path.dirname(m.output)), ['report.pdf']);
    const watching = folio(['watch', m.dir, '-o', path.dirname(m.output)], 20_000);
    assert.equal(watching.code, 2, 'watch refuses it at once instead of failing at every rebuild');
    assert.match(watching.stderr, /folio: -o .*out is a folder/);
    const overChapter = folio(['build', m.dir, '-o', chapter], 20_000);
    assert.equal(overChapter.code, 2);
    assert.match(overChapter.stderr, /folio: -o .*01-one\.md is inside the manuscript folder and named like one of its sources/);
    const html = folio(['build', m.dir, '-o', m.output, '--html', path.join(m.dir, 'report.yaml')], 20_000);
    assert.equal(html.code, 2);
    assert.match(html.stderr, /--html .*report\.yaml is inside the manuscript folder/);
    assert.equal(await readFile(chapter, 'utf8'), original);
    assert.equal(await readFile(m.output, 'utf8'), previous);
    assert.deepEqual((await readdir(m.dir)).sort(), ['01-one.md', 'images', 'report.yaml']);
  });

  test('a manuscript folder that is itself a link builds, and the PDF holds nothing from outside', async () => {
    const m = await manuscript();
    const linked = path.join(m.base, 'linked-manuscript');
    await symlink(m.dir, linked);
    const run = folio(['build', linked, '-o', m.output], 120_000);
    assert.equal(run.code, 0, run.stderr);
    const text = letters(pdfText(m.output));
    assert.ok(text.includes('textinsidethefolder'));
    assert.ok(!text.includes(letters(marker)));
    await assertNoMarkerUnder(path.dirname(m.output));
  });
});

describe('the browser guard, behind the layer (as if a bug let a link through)', () => {
  after(closeSharedBrowser);

  test('blocks a file: URL whose real path leads out through a link, and lets the files inside load', async () => {
    const m = await manuscript();
    const picture = path.join(path.dirname(m.secret), 'picture.png');
    await sharp({ create: { width: 40, height: 40, channels: 3, background: '#c00' } }).png().toFile(picture);
    await symlink(picture, path.join(m.dir, 'images', 'linked.png'));
    await symlink(path.dirname(m.secret), path.join(m.dir, 'images', 'outside-folder'));
    const result = await check(m.dir, silentReporter());
    assert.ok(result.checked, 'the manuscript itself is clean');
    const main = result.checked.document.children.find((node) => node.type === 'element');
    const body = main?.type === 'element' ? main.children.find((node) => node.type === 'element' && node.tagName === 'body') : undefined;
    assert.ok(body && body.type === 'element');
    const linked = pathToFileURL(path.join(m.dir, 'images', 'linked.png')).href;
    const throughFolder = pathToFileURL(path.join(m.dir, 'images', 'outside-folder', 'picture.png')).href;
    body.children.push(h('img', { src: linked }), h('img', { src: throughFolder }));
    const html = path.join(m.dir, 'document.html');
    await writeFile(html, toHtml(result.checked.document));
    const paginated = await paginate(await sharedBrowser(), { whole: html }, { timeout: 60_000, allowedRoots: [m.dir, ...rendererRoots] });
    const loaded = await paginated.parts[0]?.evaluate(() => [...document.images].map((image) => [image.src.split('/').pop(), image.naturalWidth]));
    await paginated.close();
    for (const url of [linked, throughFolder]) assert.ok(paginated.problems.some((problem) => problem.startsWith(`Blocked a request to ${url}`)), url);
    assert.deepEqual(loaded?.filter(([name]) => name === 'picture.png' || name === 'linked.png').map(([, width]) => width), [0, 0], 'neither outside picture was drawn');
    assert.ok(loaded?.some(([name, width]) => name === 'diagram.svg' && Number(width) > 0), 'the picture inside was drawn');
  });
});

/** GET a path of the preview with a given Host header. */
function get(port: number, pathname: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the preview serves only real files inside its folders, only to a loopback Host, and has a favicon', async () => {
  const m = await manuscript();
  await symlink(m.secret, path.join(m.dir, 'images', 'secret.svg'));
  const preview = await startPreview({ dir: m.dir, port: 0 }, silentReporter());
  const port = Number(new URL(preview.url).port);
  try {
    const inside = await get(port, `/__files${path.join(m.dir, 'images', 'diagram.svg')}`);
    assert.equal(inside.status, 200);
    assert.match(inside.body, /<svg/);
    for (const pathname of [`/__files${path.join(m.dir, 'images', 'secret.svg')}`, `/__files${m.secret}`, '/__files/etc/passwd', `/__files${m.dir}/../outside/secret.md`, `/__files${path.join(m.dir, 'images')}`, '/__files/%E0%A4%A']) {
      const refused = await get(port, pathname);
      assert.equal(refused.status, 404, pathname);
      assert.ok(!refused.body.includes(marker));
    }
    for (const host of ['localhost', '[::1]']) assert.equal((await get(port, '/', `${host}:${port}`)).status, 200, host);
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      const rebound = await get(port, `/__files${path.join(m.dir, 'images', 'diagram.svg')}`, host);
      assert.equal(rebound.status, 421, host);
      assert.doesNotMatch(rebound.body, /<svg/);
      assert.equal((await get(port, '/', host)).status, 421);
    }
    assert.equal((await get(port, '/favicon.ico')).status, 204);
  } finally {
    await preview.close();
  }
});

test('folio watch notices its folder deleted and made again, says so, and rebuilds', async () => {
  const m = await manuscript();
  const child = spawn(process.execPath, [bin, 'watch', m.dir, '-o', m.output], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const until = async (pattern: RegExp, from: number) => {
    const started = Date.now();
    while (!pattern.test(log.slice(from))) {
      if (Date.now() - started > 60_000) assert.fail(`no ${pattern} in:\n${log.slice(from)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    await until(/Watching for changes/, 0);
    assert.match(log, /Wrote .*report\.pdf: \d+ pages/);
    const copy = path.join(m.base, 'copy');
    await cp(m.dir, copy, { recursive: true });
    let from = log.length;
    await rm(m.dir, { recursive: true });
    await until(/was removed: the last good PDF is unchanged; waiting for the folder to come back/, from);
    assert.ok(letters(pdfText(m.output)).includes('textinsidethefolder'), 'the last good PDF stays');
    from = log.length;
    await cp(copy, m.dir, { recursive: true });
    await writeFile(path.join(m.dir, '01-one.md'), '# One\n\nText of the folder made again.\n');
    await until(/Wrote .*report\.pdf/, from);
    await until(/Watching for changes/, from);
    assert.ok(letters(pdfText(m.output)).includes('textofthefoldermadeagain'), 'the new folder is built');
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await exited, 0);
  assert.match(log, /Stopped watching/);
});
