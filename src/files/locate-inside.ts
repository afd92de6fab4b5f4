import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileLimits, type FileKind } from './file-limits.js';

/** A regular file inside an allowed folder, found by its real path (symbolic links resolved). */
export interface Found {
  readonly found: true;
  /** The real path: every later read uses this one. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Why a file is not read. `outside` covers links that lead out of the folder and links that lead nowhere
 * alike, so a refusal never tells whether something outside exists.
 */
export type Refusal =
  | { readonly found: false; readonly problem: 'missing' | 'outside' }
  | { readonly found: false; readonly problem: 'not-a-file'; readonly what: string }
  | { readonly found: false; readonly problem: 'too-large'; readonly size: number; readonly limit: number };

/** A file located: found, or refused. */
export type Located = Found | Refusal;

const realRoots = new Map<string, string | undefined>();

/**
 * The real path of a folder Folio allows reading from (cached: these do not move while Folio runs; a folder
 * that does not exist yet is looked up again next time).
 * @param root an absolute folder path
 */
export function realRoot(root: string): string | undefined {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realPathOf(root);
    if (real !== undefined) realRoots.set(root, real);
  }
  return real;
}

/**
 * Whether `file` is `root` or inside it, comparing the paths as written.
 * @param root a folder
 * @param file a path
 */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Locate a file by its absolute path, without opening it: resolve its real path (links followed), accept it only
 * inside one of `roots` (their real paths), only a regular file (no folder, device, pipe or socket), and only up
 * to the size limit of its kind. Only stat calls are made, so a pipe never blocks and a device is never read.
 * @param roots folders the file may be in
 * @param file an absolute path
 * @param kind what the file is read as, for its size limit
 */
export function locateInside(roots: readonly string[], file: string, kind: FileKind): Located {
  const real = realPathOf(file);
  if (real === undefined) return { found: false, problem: isInsideAny(roots, realPathIfMissing(file)) ? 'missing' : 'outside' };
  if (!isInsideAny(roots, real)) return { found: false, problem: 'outside' };
  let info;
  try {
    info = statSync(real);
  } catch {
    return { found: false, problem: 'missing' };
  }
  if (!info.isFile()) return { found: false, problem: 'not-a-file', what: info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : 'a device' };
  const limit = fileLimits[kind];
  if (info.size > limit) return { found: false, problem: 'too-large', size: info.size, limit };
  return { found: true, path: real, size: info.size, mtimeMs: info.mtimeMs };
}

function isInsideAny(roots: readonly string[], real: string | undefined): boolean {
  return real !== undefined && roots.some((root) => {
    const realRootPath = realRoot(root);
    return realRootPath !== undefined && isInside(realRootPath, real);
  });
}

function realPathOf(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/**
 * Where a missing file would be: walking up to its deepest existing folder, its real path with the rest
 * appended. A link on the way (leading nowhere, or in a loop) gives undefined, which counts as outside: where a
 * broken link points is not Folio's to tell.
 */
function realPathIfMissing(file: string): string | undefined {
  let rest = '';
  for (let current = file; ; current = path.dirname(current)) {
    const real = realPathOf(current);
    if (real !== undefined) return rest === '' ? real : path.join(real, rest);
    let info;
    try {
      info = lstatSync(current, { throwIfNoEntry: false });
    } catch (error) {
      // A name too long, or a path through a file: no such file can be there, as if it were missing.
      if (!['ENAMETOOLONG', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    }
    if (info?.isSymbolicLink() || path.dirname(current) === current) return undefined;
    rest = rest === '' ? path.basename(current) : path.join(path.basename(current), rest);
  }
}
