import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Manuscript } from '../manuscript/manuscript.js';
import { error } from '../messages/emit.js';

/**
 * Resolve a file named in report.yaml (a logo, a cover photo, a font) to a `file:` URL, reporting a missing
 * or outside file at the key that names it.
 * @param manuscript the manuscript, for its folder and report.yaml
 * @param keyPath the key holding the path, such as ['cover', 'image']
 * @param value the path written there
 */
export function resolveConfigAsset(manuscript: Pick<Manuscript, 'root' | 'configFile' | 'locate'>, keyPath: readonly string[], value: string | undefined): string | undefined {
  if (!value) return undefined;
  const absolute = path.resolve(manuscript.root, value);
  const where = manuscript.locate(keyPath);
  if (path.relative(manuscript.root, absolute).startsWith('..')) {
    error(manuscript.configFile, `\`${keyPath.join('.')}\`: ${value} is outside the manuscript folder. Copy it into the folder and use that path.`, 'image-outside', where);
    return undefined;
  }
  if (!existsSync(absolute)) {
    error(manuscript.configFile, `\`${keyPath.join('.')}\`: file not found: ${value}. Check the path; it is relative to the manuscript folder.`, 'image-missing', where);
    return undefined;
  }
  return pathToFileURL(absolute).href;
}
