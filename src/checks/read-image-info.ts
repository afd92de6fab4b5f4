import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { maxImagePixels } from '../files/file-limits.js';
import { readSourceFile } from '../files/read-source-file.js';
import { inspectSvg } from './inspect-svg.js';

/** What the checks need to know of an image file. */
export type ImageInfo =
  | { readonly kind: 'raster'; readonly format: string; readonly width: number; readonly height: number }
  | { readonly kind: 'vector' }
  | { readonly kind: 'svg-refused'; readonly reason: string }
  | { readonly kind: 'heic' }
  | { readonly kind: 'too-many-pixels'; readonly width: number; readonly height: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

const cache = new Map<string, Promise<ImageInfo>>();
const headLength = 1024 * 1024;

/**
 * Read an image's format and its upright pixel size (EXIF orientation applied), without decoding it.
 * Results are cached for the life of the process while the file keeps its size and modification time, so a
 * photo replaced under the same name (while `folio watch` runs) is read again. The file is read through the
 * file-access layer (a regular file, at most the image size limit), and its header only is parsed.
 * @param file the real path the manuscript folder's door gave
 */
export async function readImageInfo(file: string): Promise<ImageInfo> {
  const { size, mtimeMs } = await stat(file);
  const key = `${file}|${size}|${mtimeMs}`;
  let info = cache.get(key);
  if (!info) {
    info = inspect(file);
    cache.set(key, info);
  }
  return info;
}

async function inspect(file: string): Promise<ImageInfo> {
  // The header is enough, and all images are inspected at once: read 1 MB, the whole file only if that falls short.
  const data = await readSourceFile({ path: file }, 'image', headLength);
  const head = data.subarray(0, 32);
  // HEIC/HEIF from phones: an ISO BMFF 'ftyp' box with a HEIF brand. Chromium cannot show them.
  if (head.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(head.toString('latin1', 8, 12))) return { kind: 'heic' };
  try {
    // The header is read whatever its size claims; the limit is Folio's own, so the message can say it.
    const meta = await sharp(data, { limitInputPixels: false })
      .metadata()
      .catch(async (error: unknown) => {
        if (data.length < headLength) throw error;
        return sharp(await readSourceFile({ path: file }, 'image'), { limitInputPixels: false }).metadata();
      });
    // An SVG is drawn at the size it declares (the image stage rasterises it), so the pixel limit holds for it too.
    if (meta.format === 'svg') {
      if (meta.width && meta.height && meta.width * meta.height > maxImagePixels) return { kind: 'too-many-pixels', width: meta.width, height: meta.height };
      // The browser draws every shape the file asks for: judge the whole file, not its head.
      const problem = inspectSvg((data.length < headLength ? data : await readSourceFile({ path: file }, 'image')).toString('utf8'));
      return problem ? { kind: 'svg-refused', reason: problem } : { kind: 'vector' };
    }
    if (!meta.width || !meta.height || !['jpeg', 'png', 'webp', 'gif', 'avif'].includes(meta.format ?? '')) {
      return { kind: 'unreadable', reason: `it is ${meta.format ?? 'an unknown format'}, which a PDF cannot show` };
    }
    if (meta.width * meta.height > maxImagePixels) return { kind: 'too-many-pixels', width: meta.width, height: meta.height };
    const turned = (meta.orientation ?? 1) >= 5;
    return { kind: 'raster', format: meta.format ?? 'unknown', width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
  } catch {
    return { kind: 'unreadable', reason: 'it is not an image file Folio can read' };
  }
}
