import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { pdfInfo } from '../helpers/poppler.js';
import { writeTestImages } from '../helpers/test-images.js';

/** The contact sheet's geometry (src/render/proof-sheet.ts): A4 thumbnails at 0.3, 16 px apart, 18 px for numbers. */
const thumb = { width: Math.round((210 / 25.4) * 96 * 0.3), height: Math.round((297 / 25.4) * 96 * 0.3), gap: 16, label: 18 };

describe('the contact sheet of a booklet and of a report', () => {
  const proofs: Record<'booklet' | 'pages', { data: Buffer; width: number; channels: number }> = {} as never;
  let bookletPdf: string;

  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-proof-'));
    await cp(path.join(fixturesDir, 'layout-controls'), dir, { recursive: true });
    await mkdir(path.join(dir, 'images'), { recursive: true });
    await writeTestImages(path.join(dir, 'images'));
    for (const kind of ['booklet', 'pages'] as const) {
      const proof = path.join(dir, `${kind}.png`);
      const result = await buildInTemp(dir, { booklet: kind === 'booklet', proof });
      if (kind === 'booklet') bookletPdf = result.output;
      const { data, info } = await sharp(proof).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      proofs[kind] = { data, width: info.width, channels: info.channels };
    }
  });
  after(closeSharedBrowser);

  /** Mean brightness (0-255) of a box of the sheet. */
  const brightness = (kind: 'booklet' | 'pages', left: number, top: number, width: number, height: number) => {
    const { data, width: sheetWidth, channels } = proofs[kind];
    let sum = 0;
    for (let y = top; y < top + height; y += 1) for (let x = left; x < left + width; x += 1) sum += data[(y * sheetWidth + x) * channels] ?? 0;
    return sum / (width * height);
  };
  /** The box of the n-th thumbnail (0-based) of the first row. */
  const column = (n: number) => thumb.gap + n * (thumb.width + thumb.gap);

  test('a booklet shows its printed sides: the back cover beside the front cover first, in folding order', () => {
    assert.equal(pdfInfo(bookletPdf).pages, 6, '10 pages on 6 sides');
    // Both covers are dark (the theme colour); the report's second page, the title page, is white.
    assert.ok(brightness('booklet', column(0) + 10, thumb.gap + 10, 40, 40) < 100, 'back cover first');
    assert.ok(brightness('booklet', column(1) - 2 * thumb.gap + 60, thumb.gap + 10, 40, 40) < 100, 'front cover beside it');
    assert.ok(brightness('pages', column(1) + 60, thumb.gap + 10, 40, 40) > 200, 'in page order the title page is second');
  });

  test('every thumbnail has its page number under it', () => {
    for (const kind of ['pages', 'booklet'] as const) {
      // The band under the first row: background grey, except for the white digits.
      const band = thumb.gap + thumb.height + 2;
      const { data, width, channels } = proofs[kind];
      let white = 0;
      for (let y = band; y < band + thumb.label; y += 1) for (let x = 0; x < column(2); x += 1) if ((data[(y * width + x) * channels] ?? 0) > 230) white += 1;
      assert.ok(white > 20, `${kind}: ${white} white pixels of the numbers under the first two thumbnails`);
    }
  });
});
