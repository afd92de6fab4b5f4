import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { checkOutputPath } from '../../src/files/check-output-path.js';
import { decodePath } from '../../src/files/decode-path.js';
import { fileLimits } from '../../src/files/file-limits.js';
import { readSourceFile } from '../../src/files/read-source-file.js';
import { sourceFolder, type SourceFolder } from '../../src/files/source-folder.js';
import { FolioError } from '../../src/messages/folio-error.js';
import { isLoopbackHost } from '../../src/preview/is-loopback-host.js';
import { isAllowedRequest } from '../../src/render/request-policy.js';

/** A manuscript folder next to an outside folder holding a secret, with every kind of hostile entry. */
async function hostileFolder(): Promise<{ base: string; dir: string; folder: SourceFolder }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'folio-files-'));
  const dir = path.join(base, 'manuscript');
  await mkdir(path.join(dir, 'images', 'folder.jpg'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'secret.md'), 'outside secret');
  await writeFile(path.join(dir, '01.md'), '# One\n');
  await symlink('01.md', path.join(dir, 'same.md'));
  await symlink('../outside/secret.md', path.join(dir, 'out.md'));
  await symlink('/dev/zero', path.join(dir, 'zero.md'));
  await symlink('/nowhere/at/all', path.join(dir, 'dangling.md'));
  await symlink('../../outside', path.join(dir, 'images', 'out-folder'));
  await symlink('/nowhere/folder', path.join(dir, 'images', 'gone-folder'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
  const folder = sourceFolder(dir);
  assert.ok(folder);
  return { base, dir, folder };
}

describe('the manuscript folder’s one door', () => {
  test('finds regular files inside by their real path, links inside the folder included', async () => {
    const { dir, folder } = await hostileFolder();
    const found = folder.locate('same.md', 'chapter');
    assert.ok(found.found);
    assert.equal(found.path, path.join(folder.root, '01.md'));
    assert.deepEqual(folder.locate('images/../01.md', 'chapter').found, true);
    assert.equal((await readSourceFile(found, 'chapter')).toString(), '# One\n');
    assert.equal(folder.locate('nothing.md', 'chapter').found, false);
    assert.deepEqual(folder.locate('nothing.md', 'chapter'), { found: false, problem: 'missing' });
    assert.deepEqual(folder.locate('images/nothing/deeper.jpg', 'image'), { found: false, problem: 'missing' });
    assert.deepEqual(folder.locate('01.md/deeper.jpg', 'image'), { found: false, problem: 'missing' }, 'through a file');
    assert.deepEqual(folder.locate(`images/${'a'.repeat(5000)}.jpg`, 'image'), { found: false, problem: 'missing' }, 'a name too long');
    assert.equal(folder.root, sourceFolder(path.join(dir, '.'))?.root);
  });

  test('refuses links and paths leading out, alike whether the outside file exists or not', async () => {
    const { folder, base } = await hostileFolder();
    const outside = { found: false, problem: 'outside' };
    for (const name of ['out.md', 'zero.md', 'dangling.md', '../outside/secret.md', path.join(base, 'outside', 'secret.md'), '/etc/passwd', '/etc/no-such-file', 'file:///etc/passwd', 'file://host/x.jpg', 'images/out-folder/secret.md', 'images/out-folder/no-such.md', 'images/gone-folder/x.jpg', 'a\0b.md']) {
      assert.deepEqual(folder.locate(name, 'chapter'), outside, name);
    }
  });

  test('decodes every escape of an encoded path, and what it decodes to still goes through the door', async () => {
    const { folder } = await hostileFolder();
    assert.equal(decodePath('images/a%3Db%20c.jpg'), 'images/a=b c.jpg');
    assert.equal(decodePath('images/100%.jpg'), 'images/100%.jpg', 'a broken escape is taken as written');
    for (const encoded of ['%2e%2e/outside/secret.md', '..%2Foutside%2Fsecret.md', 'images%2Fout-folder%2Fsecret.md']) {
      assert.deepEqual(folder.locate(decodePath(encoded), 'chapter'), { found: false, problem: 'outside' }, encoded);
    }
  });

  test('refuses folders, pipes and devices from their stat alone (a pipe never blocks) and files over the limit', async () => {
    const { dir, folder } = await hostileFolder();
    const started = performance.now();
    assert.deepEqual(folder.locate('pipe.md', 'chapter'), { found: false, problem: 'not-a-file', what: 'a named pipe' });
    assert.deepEqual(folder.locate('images/folder.jpg', 'image'), { found: false, problem: 'not-a-file', what: 'a folder' });
    await writeFile(path.join(dir, 'big.md'), '');
    await truncate(path.join(dir, 'big.md'), fileLimits.chapter + 1);
    assert.deepEqual(folder.locate('big.md', 'chapter'), { found: false, problem: 'too-large', size: fileLimits.chapter + 1, limit: fileLimits.chapter });
    assert.ok(performance.now() - started < 1000);
  });

  test('a manuscript folder that is itself a link is read through its real path', async () => {
    const { base, dir } = await hostileFolder();
    await symlink(dir, path.join(base, 'linked'));
    const linked = sourceFolder(path.join(base, 'linked'));
    assert.equal(linked?.root, sourceFolder(dir)?.root);
    assert.equal(linked?.locate('01.md', 'chapter').found, true);
    assert.equal(linked?.locate('out.md', 'chapter').found, false);
    assert.equal(sourceFolder(path.join(dir, '01.md'))?.locate('x', 'chapter').found ?? false, false);
  });

  test('a file swapped for a pipe or a link after it was located is refused, not read, and nothing blocks', async () => {
    const { dir, folder } = await hostileFolder();
    await writeFile(path.join(dir, 'swap.md'), 'first');
    const found = folder.locate('swap.md', 'chapter');
    assert.ok(found.found);
    await rm(path.join(dir, 'swap.md'));
    execFileSync('mkfifo', [path.join(dir, 'swap.md')]);
    await assert.rejects(readSourceFile(found, 'chapter'), FolioError);
    await rm(path.join(dir, 'swap.md'));
    await symlink('../outside/secret.md', path.join(dir, 'swap.md'));
    await assert.rejects(readSourceFile(found, 'chapter'), FolioError);
  });
});

test('the page may load a file only when its real path is inside an allowed folder', async () => {
  const { base, dir } = await hostileFolder();
  assert.equal(isAllowedRequest(pathToFileURL(path.join(dir, '01.md')).href, [dir]), true);
  assert.equal(isAllowedRequest(pathToFileURL(path.join(dir, 'out.md')).href, [dir]), false, 'a link leading out');
  assert.equal(isAllowedRequest(pathToFileURL(path.join(dir, 'images', 'out-folder', 'secret.md')).href, [dir]), false, 'through a linked folder');
  assert.equal(isAllowedRequest(pathToFileURL(path.join(base, 'outside', 'secret.md')).href, [dir]), false);
  assert.equal(isAllowedRequest('file://host/share/x.png', [dir]), false);
});

test('the preview answers only its loopback names on its port', () => {
  for (const host of ['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', 'LOCALHOST:4173']) assert.equal(isLoopbackHost(host, 4173), true, host);
  for (const host of [undefined, '', 'evil.example:4173', '127.0.0.1', '127.0.0.1:80', 'localhost.evil.example:4173', '127.0.0.2:4173', '0.0.0.0:4173']) assert.equal(isLoopbackHost(host, 4173), false, String(host));
});

test('an output naming a folder, or a source inside the manuscript, is refused before anything is built', async () => {
  const { base, dir } = await hostileFolder();
  assert.throws(() => checkOutputPath(base, '-o', dir), /-o .* is a folder/);
  assert.throws(() => checkOutputPath(path.join(dir, 'pipe.md'), '-o', dir), /not an ordinary file/);
  assert.throws(() => checkOutputPath(path.join(dir, '01.md'), '-o', dir), /inside the manuscript folder and named like one of its sources/);
  await writeFile(path.join(dir, 'images', 'photo.png'), 'a picture');
  assert.throws(() => checkOutputPath(path.join(dir, 'images', 'photo.png'), '--proof', dir), /--proof .* sources/);
  assert.throws(() => checkOutputPath(path.join(dir, 'new.md'), '-o', dir), /sources/, 'a new chapter the next build would read');
  assert.doesNotThrow(() => checkOutputPath(path.join(dir, 'proof.png'), '--proof', dir), 'a new picture no chapter names');
  assert.throws(() => checkOutputPath(path.join(dir, 'report.yaml'), '--html', dir), /sources/);
  await symlink(dir, path.join(base, 'into-manuscript'));
  assert.throws(() => checkOutputPath(path.join(base, 'into-manuscript', '01.md'), '-o', dir), /sources/, 'through a linked folder');
  assert.throws(() => checkOutputPath(path.join(dir, 'images', 'new.png'), '-o', dir), /sources/, 'a new picture from -o, in a subfolder');
  assert.throws(() => checkOutputPath(path.join(dir, 'sub', '04.md'), '--html', dir), /sources/, 'a new chapter in a new subfolder');
  await symlink(path.join(dir, 'pipe.md'), path.join(base, 'to-pipe'));
  assert.throws(() => checkOutputPath(path.join(base, 'to-pipe'), '-o', dir), /not an ordinary file/, 'a link to a pipe, as /proc/self/fd/1 can be');
  assert.doesNotThrow(() => checkOutputPath(path.join(dir, 'report.pdf'), '-o', dir));
  assert.doesNotThrow(() => checkOutputPath(path.join(base, 'out', 'new', 'report.pdf'), '-o', dir));
  assert.doesNotThrow(() => checkOutputPath(path.join(base, 'chapter.md'), '-o', dir), 'outside the manuscript, any name');
});
