import path from 'node:path';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import { loadConfig } from '../config/load-config.js';
import type { FileKind } from '../files/file-limits.js';
import { readSourceFile } from '../files/read-source-file.js';
import { reportRefusal } from '../files/report-refusal.js';
import { sourceFolder, type SourceFolder } from '../files/source-folder.js';
import { error, warning } from '../messages/emit.js';
import { FolioError } from '../messages/folio-error.js';
import type { Manuscript } from './manuscript.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read a manuscript folder: `report.yaml` and its chapter files (`*.md`, in file-name order), through the folder's
 * one door (real paths inside it, regular files, bounded sizes). Problems in the files become messages on them;
 * the manuscript comes back undefined when report.yaml cannot be read or a chapter is refused, and without the
 * wrong keys when report.yaml only has some (their errors are on it). Its `root` is the folder's real path.
 * @param dir the manuscript folder
 * @param cwd folder that message paths are shown relative to
 */
export async function readManuscript(dir: string, cwd = process.cwd()): Promise<{ manuscript?: Manuscript; files: VFile[] }> {
  const given = path.resolve(cwd, dir);
  const folder = sourceFolder(given);
  if (!folder || !(await folder.list().then(() => true, () => false))) throw new FolioError(`No manuscript folder at ${given}. Give the folder that holds report.yaml, for example: folio build manuscript/`);

  const configPath = path.join(given, 'report.yaml');
  const configFile = await readText(folder, 'report.yaml', 'config', given, cwd);
  if (!configFile) throw new FolioError(`${path.relative(cwd, configPath)} is missing. Every manuscript folder needs a report.yaml with at least a \`title:\` line.`);

  const names = (await folder.list()).filter((name) => name.endsWith('.md') && !name.startsWith('.') && !/^readme\.md$/i.test(name));
  names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const chapters: VFile[] = [];
  for (const name of names) {
    const chapter = await readText(folder, name, 'chapter', given, cwd);
    if (!chapter) continue;
    if (String(chapter.value).trim() === '' && chapter.messages.length === 0) {
      chapter.data['empty'] = true;
      warning(chapter, 'This chapter is empty: write its text, or remove the file.', 'chapter-empty');
    }
    chapters.push(chapter);
  }
  if (names.length === 0) error(configFile, `No chapter files: add Markdown files (for example 01-introduction.md) next to report.yaml in ${path.relative(cwd, given) || '.'}.`, 'no-chapters');

  const loaded = configFile.messages.length === 0 ? loadConfig(configFile) : undefined;
  const files = [configFile, ...chapters];
  // Mistakes in report.yaml leave out only the keys they are in, so the chapters are checked in the same run.
  if (!loaded || chapters.some((file) => file.messages.some((m) => m.fatal))) return { files };
  const bibliography = await readBibliography(folder, loaded.config.bibliography, given, cwd, configFile, loaded.locate(['bibliography']));
  if (bibliography) files.push(bibliography);
  if (loaded.config.bibliography && !bibliography) return { files };
  return { manuscript: { root: folder.root, ...loaded, configFile, chapters, ...(bibliography ? { bibliography } : {}) }, files };
}

/** Read the bibliography named in report.yaml through the folder's door; a missing file is an error at its key. */
async function readBibliography(folder: SourceFolder, name: string | undefined, given: string, cwd: string, configFile: VFile, where: Position | undefined): Promise<VFile | undefined> {
  if (!name) return undefined;
  const vfile = await readText(folder, name, 'chapter', given, cwd);
  if (!vfile) error(configFile, `\`bibliography\`: no file ${name} in the manuscript folder. Check the path; it is relative to the folder.`, 'bibliography-file', where);
  return vfile;
}

/**
 * Read a file of the folder as UTF-8 into a VFile: undefined when it is not there; an error on it when it was
 * refused (outside, not a file, too large); invalid UTF-8 becomes an error naming the line of the first bad byte.
 */
async function readText(folder: SourceFolder, name: string, kind: FileKind, given: string, cwd: string): Promise<VFile | undefined> {
  const located = folder.locate(name, kind);
  const shown = path.join(given, name);
  if (!located.found && located.problem === 'missing') return undefined;
  const vfile = new VFile({ path: path.relative(cwd, shown), cwd, value: '', data: { absolutePath: located.found ? located.path : shown } });
  if (!located.found) {
    reportRefusal(vfile, name, located, kind);
    return vfile;
  }
  const bytes = await readSourceFile(located, kind);
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
