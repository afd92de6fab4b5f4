import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Element, Root } from 'hast';
import sharp from 'sharp';
import { visitParents } from 'unist-util-visit-parents';
import { placementOf } from '../checks/placement-of.js';
import { maxImagePixels } from '../files/file-limits.js';
import { readSourceFile } from '../files/read-source-file.js';
import { placedScale, placements, type Placement } from '../document/placements.js';
import type { Edition } from './edition.js';
import { embedSvgFonts, type SvgFonts } from './embed-svg-fonts.js';
import { mapSvgFonts } from './map-svg-fonts.js';
import { ownFontUrls } from './own-font-urls.js';
import { SourceIndex } from './source-index.js';

/** What the image stage did. */
export interface ImageReport {
  /** Images resized or converted in this build. */
  readonly processed: number;
  /** Images taken from the cache: unchanged since an earlier build. */
  readonly cached: number;
  /** Bytes of the original files, and of what reaches the browser instead. */
  readonly bytesIn: number;
  readonly bytesOut: number;
}

/** The largest box a picture is ever drawn in, for images with no placement of their own (inline ones). */
const fallback = placements.figure;

/**
 * The image stage: before anything reaches the browser, turn every raster image in the document into what the
 * edition needs at the size the theme places it: upright (EXIF orientation applied), sRGB, no more pixels than
 * the edition's ppi asks for (never upsampled), JPEG for photos and PNG where there is transparency. SVG stays
 * vector. Results are cached in the build folder by content hash and target size, so an unchanged image is never
 * processed twice. An SVG's text is set in the report's fonts, carried inside it (see `mapSvgFonts`), so that
 * it prints the same on every machine. The document's `src` attributes are pointed at the results.
 * @param document the assembled document (changed in place)
 * @param edition the edition's image settings
 * @param cacheDir where processed images are kept
 * @param signal cancels the stage (Ctrl-C): no image starts once it is aborted
 * @param fonts the report's fonts, for SVG text (without them, SVGs are left as they are)
 */
export async function prepareImages(document: Root, edition: Edition, cacheDir: string, signal?: AbortSignal, fonts?: SvgFonts): Promise<ImageReport> {
  const jobs: { node: Element; placement: Placement | undefined }[] = [];
  visitParents(document, 'element', (node, ancestors) => {
    if (node.tagName === 'img' && typeof node.properties.src === 'string' && node.properties.src.startsWith('file:')) {
      jobs.push({ node, placement: placementOf(node, ancestors) });
    }
  });
  await mkdir(cacheDir, { recursive: true });
  const index = await SourceIndex.open(cacheDir);
  const report = { processed: 0, cached: 0, bytesIn: 0, bytesOut: 0 };
  const results = new Map<string, Promise<string | undefined>>();
  await Promise.all(
    jobs.map(async ({ node, placement }) => {
      const source = fileURLToPath(String(node.properties.src));
      const key = `${source}|${placement ?? 'inline'}`;
      let result = results.get(key);
      if (!result) {
        result = prepare(source, placement, edition, cacheDir, index, report, signal, fonts);
        results.set(key, result);
      }
      const prepared = await result;
      if (prepared) node.properties.src = pathToFileURL(prepared).href;
    }),
  );
  await index.save();
  return report;
}

type Tally = { processed: number; cached: number; bytesIn: number; bytesOut: number };

async function prepare(source: string, placement: Placement | undefined, edition: Edition, cacheDir: string, index: SourceIndex, report: Tally, signal: AbortSignal | undefined, fonts: SvgFonts | undefined): Promise<string | undefined> {
  const info = await index.describe(source);
  signal?.throwIfAborted();
  if (info.format === 'svg') return fonts ? prepareSvg(source, info.hash, cacheDir, report, fonts) : undefined;
  if (!info.width || !info.height) return undefined;
  const turned = info.orientation >= 5;
  const width = turned ? info.height : info.width;
  const height = turned ? info.width : info.height;
  const box = placements[placement ?? 'figure'] ?? fallback;
  const fit = placement === 'figure' || placement === 'turnedFigure' || placement === undefined ? 'contain' : 'cover';
  const target = targetSize(width, height, box, fit, edition.imagePpi);
  // Photos (JPEG, WebP, AVIF) become JPEG; PNG and GIF are drawings, screenshots or transparent: they stay lossless.
  const format = info.format === 'png' || info.format === 'gif' || (info.hasAlpha && info.format !== 'jpeg') ? 'png' : 'jpeg';
  const hash = createHash('sha256').update(info.hash).update(`${target.width}x${target.height}|${format}|${edition.jpegQuality}|v1`).digest('hex').slice(0, 24);
  const output = path.join(cacheDir, `${hash}.${format === 'png' ? 'png' : 'jpg'}`);
  report.bytesIn += info.bytes;
  if (existsSync(output)) {
    report.cached += 1;
  } else {
    const bytes = await readSourceFile({ path: source }, 'image');
    // Photos are prepared side by side in sharp's threads: each one still to start stops here when cancelled.
    signal?.throwIfAborted();
    let pipeline = sharp(bytes, { failOn: 'none', limitInputPixels: maxImagePixels }).rotate().resize(target.width, target.height, { fit: 'fill', kernel: 'lanczos3' }).toColourspace('srgb').withIccProfile('srgb');
    pipeline = format === 'png' ? pipeline.png({ compressionLevel: 9, adaptiveFiltering: true }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: edition.jpegQuality, mozjpeg: true, chromaSubsampling: '4:2:0' });
    // Unique per write: the same photo used twice in one build is prepared twice at once, under two names.
    const temporary = `${output}.${process.pid}.${randomUUID()}.tmp`;
    await pipeline.toFile(temporary);
    await rename(temporary, output);
    report.processed += 1;
  }
  // Read the size first: `x += await …` would add to a stale x when images are prepared concurrently.
  const { size } = await stat(output);
  report.bytesOut += size;
  return output;
}

/** An SVG with its text set in the report's fonts (see `mapSvgFonts`, `embedSvgFonts`), cached by content and fonts. */
async function prepareSvg(source: string, hash: string, cacheDir: string, report: Tally, fonts: SvgFonts): Promise<string> {
  const faces = fonts.faces.map((face) => `${face.family}|${face.weight}|${face.style}|${face.url}`).join(';');
  const key = createHash('sha256').update(hash).update(`${fonts.families.sans}|${fonts.families.serif}|${fonts.families.mono}|${faces}|svg-fonts-v4`).digest('hex').slice(0, 24);
  const output = path.join(cacheDir, `${key}.svg`);
  const bytes = await readSourceFile({ path: source }, 'image');
  report.bytesIn += bytes.length;
  if (existsSync(output)) {
    report.cached += 1;
  } else {
    const svg = ownFontUrls(await embedSvgFonts(mapSvgFonts(bytes.toString('utf8'), fonts.families), fonts));
    const temporary = `${output}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temporary, svg);
    await rename(temporary, output);
    report.processed += 1;
  }
  const { size } = await stat(output);
  report.bytesOut += size;
  return output;
}

/**
 * The pixel size an image needs to fill (`cover`) or fit in (`contain`) a box at `ppi`, keeping its proportions,
 * never larger than the image itself.
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param box the placed size in millimetres
 * @param fit how the theme sizes the image in the box
 * @param ppi pixels per inch wanted
 */
export function targetSize(width: number, height: number, box: { width: number; height: number }, fit: 'cover' | 'contain', ppi: number): { width: number; height: number } {
  const wanted = (width * placedScale(width, height, box, fit) * ppi) / 25.4;
  const factor = Math.min(1, wanted / width);
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}
