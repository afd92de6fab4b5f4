import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether the page may load `url`: only `data:` URLs and local files inside the given folders (the build folder,
 * Folio's templates and fonts, the manuscript). Everything else, the network above all, is refused.
 * @param url what the page asks for
 * @param roots folders it may read from
 */
export function isAllowedRequest(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return false;
  }
  return roots.some((root) => {
    const relative = path.relative(root, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}
