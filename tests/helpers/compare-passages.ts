import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { renderPages } from './poppler.js';

const ppi = 100;

/** A passage of the scripts fixture: found on the page between the English lines around it (poppler finds those). */
const crops = [
  { name: 'mixed-paragraph', after: 'Region', before: 'Speakers' },
  { name: 'urdu-couplet', after: 'Nastaliq:', before: 'Naskh:' },
  { name: 'arabic-proverb', after: 'Naskh:', before: 'Dari' },
  { name: 'dari-sentence', after: 'Dari', before: 'Pashto' },
  { name: 'pashto-sentence', after: 'Pashto', before: 'Topic' },
] as const;

interface Word {
  readonly page: number;
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * Render each passage of the scripts fixture (and the Urdu chapter's first page) and compare it with the reference
 * image in `referenceDir`: the share of pixels that differ by more than a quarter of the grey scale. A missing
 * reference, or any with UPDATE=1, is written from this rendering (review it before committing it).
 * @param pdf the screen edition of tests/fixtures/scripts
 * @param referenceDir where the reference PNGs are
 */
export async function comparePassages(pdf: string, referenceDir: string): Promise<{ name: string; difference: number }[]> {
  const words = boundingBoxes(pdf);
  const regions: { name: string; page: number; top: number; bottom: number }[] = crops.map(({ name, after, before }) => {
    const pairs = words.filter((word) => word.text === after).flatMap((start) => words.filter((end) => end.text === before && end.page === start.page && end.yMin > start.yMax).map((end) => ({ start, end })));
    const [pair] = pairs;
    assert.ok(pair, `"${before}" follows "${after}" on a page`);
    return { name, page: pair.start.page, top: pair.start.yMax + 1, bottom: pair.end.yMin - 1 };
  });
  const topic = words.find((word) => word.text === 'Topic');
  assert.ok(topic);
  // The Urdu chapter opens on the next page: its title, a paragraph, the list and the table.
  regions.push({ name: 'urdu-chapter', page: topic.page + 1, top: 60, bottom: 420 });
  const results: { name: string; difference: number }[] = [];
  await mkdir(referenceDir, { recursive: true });
  for (const region of regions) {
    const [png] = renderPages(pdf, ppi, { page: region.page, gray: true });
    assert.ok(png);
    const scale = ppi / 72;
    const { width = 0 } = await sharp(png).metadata();
    const crop = await sharp(png)
      .extract({ left: 0, top: Math.round(region.top * scale), width, height: Math.round((region.bottom - region.top) * scale) })
      .greyscale()
      .png()
      .toBuffer();
    const reference = path.join(referenceDir, `${region.name}.png`);
    if (process.env['UPDATE'] === '1' || !existsSync(reference)) {
      if (process.env['UPDATE'] !== '1' && process.env['CI']) assert.fail(`Missing reference ${reference}: run the tests with UPDATE=1 and look at it.`);
      await sharp(crop).toFile(reference);
    }
    results.push({ name: region.name, difference: await difference(crop, reference) });
  }
  return results;
}

/** The share of pixels that differ by more than 64 grey levels (1 when the sizes differ). */
async function difference(image: Buffer, reference: string): Promise<number> {
  const [a, b] = await Promise.all([sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true }), sharp(reference).greyscale().raw().toBuffer({ resolveWithObject: true })]);
  if (a.info.width !== b.info.width || a.info.height !== b.info.height) return 1;
  let differing = 0;
  for (let index = 0; index < a.data.length; index++) if (Math.abs((a.data[index] ?? 0) - (b.data[index] ?? 0)) > 64) differing++;
  return differing / a.data.length;
}

/** Every word poppler finds, with its page and vertical extent in points. */
function boundingBoxes(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const words: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const match = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (match) words.push({ page, text: match[3] ?? '', yMin: Number(match[1]), yMax: Number(match[2]) });
  }
  return words;
}
