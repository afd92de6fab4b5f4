import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import { loadConfig } from '../config/load-config.js';
import { error, warning } from '../messages/emit.js';
import { FolioError } from '../messages/folio-error.js';
import type { Manuscript } from './manuscript.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read a manuscript folder: `report.yaml` and its chapter files (`*.md`, in file-name order).
 * Problems in the files become messages on them; the manuscript comes back with `config` undefined on errors.
 * @param dir the manuscript folder
 * @param cwd folder that message paths are shown relative to
 */
export async function readManuscript(dir: string, cwd = process.cwd()): Promise<{ manuscript?: Manuscript; files: VFile[] }> {
  const root = path.resolve(cwd, dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new FolioError(`No manuscript folder at ${root}. Give the folder that holds report.yaml, for example: folio build manuscript/`);

  const configPath = path.join(root, 'report.yaml');
  const configFile = await readText(configPath, cwd);
  if (!configFile) throw new FolioError(`${path.relative(cwd, configPath)} is missing. Every manuscript folder needs a report.yaml with at least a \`title:\` line.`);

  const names = (await readdir(root)).filter((name) => name.endsWith('.md') && !name.startsWith('.') && !/^readme\.md$/i.test(name));
  names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const chapters: VFile[] = [];
  for (const name of names) {
    const chapter = await readText(path.join(root, name), cwd);
    if (!chapter) continue;
    if (String(chapter.value).trim() === '' && chapter.messages.length === 0) {
      chapter.data['empty'] = true;
      warning(chapter, 'This chapter is empty: write its text, or remove the file.', 'chapter-empty');
    }
    chapters.push(chapter);
  }
  if (names.length === 0) error(configFile, `No chapter files: add Markdown files (for example 01-introduction.md) next to report.yaml in ${path.relative(cwd, root) || '.'}.`, 'no-chapters');

  const loaded = configFile.messages.length === 0 ? loadConfig(configFile) : undefined;
  const files = [configFile, ...chapters];
  if (!loaded || files.some((file) => file.messages.some((m) => m.fatal))) return { files };
  const bibliography = await readBibliography(root, loaded.config.bibliography, cwd, configFile, loaded.locate(['bibliography']));
  if (bibliography) files.push(bibliography);
  if (configFile.messages.some((m) => m.fatal)) return { files };
  return { manuscript: { root, ...loaded, configFile, chapters, ...(bibliography ? { bibliography } : {}) }, files };
}

/** Read the bibliography named in report.yaml, inside the folder; a missing file is an error at its key. */
async function readBibliography(root: string, name: string | undefined, cwd: string, configFile: VFile, where: Position | undefined): Promise<VFile | undefined> {
  if (!name) return undefined;
  const file = path.resolve(root, name);
  const vfile = path.relative(root, file).startsWith('..') ? undefined : await readText(file, cwd);
  if (!vfile) error(configFile, `\`bibliography\`: no file ${name} in the manuscript folder. Check the path; it is relative to the folder.`, 'bibliography-file', where);
  return vfile;
}

/** Read a file as UTF-8 into a VFile; invalid UTF-8 becomes an error naming the line of the first bad byte. */
async function readText(file: string, cwd: string): Promise<VFile | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  const vfile = new VFile({ path: path.relative(cwd, file), cwd, data: { absolutePath: file } });
  try {
    vfile.value = utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    vfile.value = '';
    error(vfile, `This file is not UTF-8 text (byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at line ${line}, column ${column}): it was probably saved as Latin-1 or Windows-1252. Save it again as "UTF-8" in your editor.`, 'encoding', { line, column });
  }
  return vfile;
}

/** Offset of the first byte that breaks UTF-8: the lead byte of the broken sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let offset = longestValidPrefix(bytes);
  // The decoder fails where a sequence turns out broken; step back to the byte that started it.
  while (offset > 0 && ((bytes[offset - 1] ?? 0) & 0xc0) === 0x80) offset -= 1;
  if (offset > 0 && (bytes[offset - 1] ?? 0) >= 0xc0) offset -= 1;
  return offset;
}

function longestValidPrefix(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix; a cut inside a character is only a problem at the end.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
