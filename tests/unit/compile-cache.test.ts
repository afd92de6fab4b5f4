import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { check } from '../../src/build/check.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { keepCompiledChapters } from '../../src/markdown/compile-cache.js';

test('in one process (folio watch), adding or removing a chapter\'s image is seen though the chapter is unchanged', async () => {
  keepCompiledChapters();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-cache-'));
  await writeFile(path.join(dir, 'report.yaml'), 'title: Cache\n');
  await writeFile(path.join(dir, '01.md'), '# Cache\n\n![A photo](images/photo.jpg "A photo")\n');
  const errors = async () => (await check(dir, silentReporter())).files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => m.ruleId));
  assert.deepEqual(await errors(), ['image-missing']);
  await mkdir(path.join(dir, 'images'));
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#888' } }).jpeg().toFile(path.join(dir, 'images', 'photo.jpg'));
  assert.deepEqual(await errors(), [], 'the added photo is found');
  assert.deepEqual(await errors(), [], 'and the compile is cached');
  await rm(path.join(dir, 'images', 'photo.jpg'));
  assert.deepEqual(await errors(), ['image-missing'], 'the removed photo is missed');
});
