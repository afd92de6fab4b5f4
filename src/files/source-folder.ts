import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileKind } from './file-limits.js';
import { isInside, locateInside, realRoot, type Located } from './locate-inside.js';

/**
 * The one door to a manuscript folder: every file a stage reads from it (chapters, report.yaml, images, fonts)
 * is located here first, by a path relative to the folder, and refused when it leads out.
 */
export interface SourceFolder {
  /** The folder's real path (links resolved). */
  readonly root: string;
  /**
   * Locate a file named in the manuscript, without opening it. A URL (`file:` included) or a path that leads out
   * of the folder is refused before the file system is asked anything about it.
   * @param name the path as written, relative to the folder
   * @param kind what the file is read as
   */
  locate(name: string, kind: FileKind): Located;
  /** The names in the folder itself (not in its subfolders). */
  list(): Promise<string[]>;
}

/**
 * Open a manuscript folder for reading; undefined when `dir` is not a folder.
 * @param dir the folder, absolute or relative to the working directory
 */
export function sourceFolder(dir: string): SourceFolder | undefined {
  const root = realRoot(path.resolve(dir));
  if (root === undefined) return undefined;
  return {
    root,
    locate(name, kind) {
      if (/^[a-z][a-z0-9+.-]+:/i.test(name) || name.includes('\0')) return { found: false, problem: 'outside' };
      const absolute = path.resolve(root, name);
      if (!isInside(root, absolute)) return { found: false, problem: 'outside' };
      return locateInside([root], absolute, kind);
    },
    async list() {
      return readdir(root);
    },
  };
}
