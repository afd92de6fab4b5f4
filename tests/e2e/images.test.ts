import assert from 'node:assert/strict';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { targetSize } from '../../src/images/prepare-images.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { writeCameraPhoto } from '../helpers/camera-photo.js';
import { pdfImages } from '../helpers/poppler.js';

test('target sizes: the placed size at the edition ppi, never more pixels than the photo has', () => {
  assert.deepEqual(targetSize(6000, 4000, { width: 166, height: 120 }, 'contain', 150), { width: 980, height: 654 });
  assert.deepEqual(targetSize(6000, 4000, { width: 80, height: 80 / 1.5 }, 'cover', 300), { width: 945, height: 630 });
  assert.deepEqual(targetSize(640, 640, { width: 30, height: 30 }, 'cover', 300), { width: 354, height: 354 });
  assert.deepEqual(targetSize(300, 200, { width: 166, height: 120 }, 'contain', 300), { width: 300, height: 200 }, 'never upsampled');
});

describe('the image stage, with camera-size photos', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof buildInTemp>>;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-photos-'));
    await mkdir(path.join(dir, 'images'));
    await writeCameraPhoto(path.join(dir, 'images', 'camera.jpg'), 6000, 4000);
    await Promise.all(Array.from({ length: 12 }, (_, i) => writeCameraPhoto(path.join(dir, 'images', `g${i}.jpg`), 3000, 2000, i * 25)));
    const gallery = Array.from({ length: 12 }, (_, i) => `![Photo ${i}](images/g${i}.jpg "Photo ${i}")`).join('\n');
    await writeFile(path.join(dir, 'report.yaml'), 'title: Photographs\n');
    await writeFile(path.join(dir, '01.md'), `# Photographs\n\n![A camera photo](images/camera.jpg "Straight from the camera")\n\n:::gallery\n${gallery}\n:::\n`);
    first = await buildInTemp(dir);
  });
  after(closeSharedBrowser);

  test('no photo reaches the PDF with more than 150 ppi at its placed size', () => {
    const photos = pdfImages(first.output).filter((image) => image.width > 100);
    assert.equal(photos.length, 13);
    for (const photo of photos) assert.ok(photo.xppi <= 155, `${photo.width}×${photo.height} at ${photo.xppi} ppi`);
  });

  test('the screen edition of a dozen camera photos stays small', async () => {
    const { size } = await stat(first.output);
    assert.ok(size < 3 * 1024 * 1024, `${(size / 1048576).toFixed(2)} MB`);
    assert.ok(first.images.bytesOut < first.images.bytesIn / 10, 'the browser gets a tenth of the bytes, or less');
  });

  test('an unchanged image is never processed twice', async () => {
    assert.equal(first.images.processed, 13);
    const second = await buildInTemp(dir);
    assert.equal(second.images.processed, 0);
    assert.equal(second.images.cached, 13);
  });
});
