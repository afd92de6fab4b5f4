import { fileURLToPath } from 'node:url';
import { isInside, realRoot } from '../files/locate-inside.js';
import { realpathSync } from 'node:fs';

/**
 * Whether the page may load `url`: only `data:` URLs and local files whose real path (links resolved) is inside
 * the given folders (the build folder, Folio's templates and fonts, the manuscript). Everything else, the
 * network above all, is refused. A file that does not exist is judged by its path: loading it fails anyway.
 * @param url what the page asks for
 * @param roots folders it may read from
 */
export function isAllowedRequest(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = fileURLToPath(url);
    file = realpathSync.native(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
  }
  return roots.some((root) => isInside(realRoot(root) ?? root, file));
}
