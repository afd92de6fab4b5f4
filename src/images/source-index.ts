import { createHash, randomUUID } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { maxImagePixels } from '../files/file-limits.js';
import { readSourceFile } from '../files/read-source-file.js';

/** What the image stage needs to know of an original, without decoding it. */
export interface SourceInfo {
  /** SHA-256 of the file's bytes. */
  readonly hash: string;
  readonly format: string;
  /** Stored pixel size (before EXIF orientation). */
  readonly width: number;
  readonly height: number;
  readonly orientation: number;
  readonly hasAlpha: boolean;
  readonly bytes: number;
}

type Entry = SourceInfo & { readonly size: number; readonly mtimeMs: number };

/**
 * An index of original images, kept in the build folder: an original whose size and modification time have not
 * changed is not read again, so a rebuild does not re-read and re-hash a folder of camera photos.
 */
export class SourceIndex {
  private readonly entries = new Map<string, Entry>();
  private dirty = false;

  private constructor(private readonly file: string) {}

  /** Load the index kept in `cacheDir` (an empty one if there is none yet). */
  static async open(cacheDir: string): Promise<SourceIndex> {
    const index = new SourceIndex(path.join(cacheDir, 'sources.json'));
    try {
      const saved = JSON.parse(await readFile(index.file, 'utf8')) as Record<string, Entry>;
      for (const [file, entry] of Object.entries(saved)) index.entries.set(file, entry);
    } catch {
      // no index yet, or an unreadable one: start afresh
    }
    return index;
  }

  /**
   * Describe an original, from the index when it is unchanged on disk.
   * @param file absolute path
   */
  async describe(file: string): Promise<SourceInfo> {
    const { size, mtimeMs } = await stat(file);
    const known = this.entries.get(file);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known;
    const input = await readSourceFile({ path: file }, 'image');
    const meta = await sharp(input, { failOn: 'none', limitInputPixels: maxImagePixels }).metadata();
    const entry: Entry = {
      hash: createHash('sha256').update(input).digest('hex'),
      format: meta.format ?? 'unknown',
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      orientation: meta.orientation ?? 1,
      hasAlpha: Boolean(meta.hasAlpha),
      bytes: input.length,
      size,
      mtimeMs,
    };
    this.entries.set(file, entry);
    this.dirty = true;
    return entry;
  }

  /** Write the index back if anything changed. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const temporary = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temporary, JSON.stringify(Object.fromEntries(this.entries)));
    await rename(temporary, this.file);
    this.dirty = false;
  }
}
