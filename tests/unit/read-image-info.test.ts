import assert from 'node:assert/strict';
import { mkdtemp, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { readImageInfo } from '../../src/checks/read-image-info.js';

test('a photo replaced under the same name is read again (folio watch keeps running)', async () => {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-info-')), 'photo.jpg');
  await sharp({ create: { width: 120, height: 80, channels: 3, background: '#888' } }).jpeg().toFile(file);
  assert.deepEqual(await readImageInfo(file), { kind: 'raster', format: 'jpeg', width: 120, height: 80 });
  await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#888' } }).jpeg().toFile(file);
  await utimes(file, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(await readImageInfo(file), { kind: 'raster', format: 'jpeg', width: 2400, height: 1600 });
});
