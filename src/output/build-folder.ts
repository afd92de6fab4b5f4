import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * Folio's build folder for a manuscript: where the assembled HTML (and later, caches) live, outside the
 * manuscript and the output folder. FOLIO_CACHE_DIR or XDG_CACHE_HOME move it.
 * @param root the manuscript folder
 */
export function buildFolder(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env['FOLIO_CACHE_DIR'] ?? path.join(env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'folio');
  const key = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(base, `${path.basename(root) || 'manuscript'}-${key}`);
}
