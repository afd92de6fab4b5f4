import { pathToFileURL } from 'node:url';
import type { FileKind } from '../files/file-limits.js';
import { reportRefusal } from '../files/report-refusal.js';
import { sourceFolder } from '../files/source-folder.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import { error } from '../messages/emit.js';

/**
 * Resolve a file named in report.yaml (a logo, a cover photo, a font) through the manuscript folder's one door to
 * a `file:` URL of its real path, reporting a missing, outside, special or oversized file at the key that names it.
 * @param manuscript the manuscript, for its folder and report.yaml
 * @param keyPath the key holding the path, such as ['cover', 'image']
 * @param value the path written there
 * @param kind what the file is read as (an image unless a font)
 */
export function resolveConfigAsset(manuscript: Pick<Manuscript, 'root' | 'configFile' | 'locate'>, keyPath: readonly string[], value: string | undefined, kind: FileKind = 'image'): string | undefined {
  if (!value) return undefined;
  const where = manuscript.locate(keyPath);
  const located = sourceFolder(manuscript.root)?.locate(value, kind) ?? { found: false, problem: 'missing' };
  if (located.found) return pathToFileURL(located.path).href;
  if (located.problem === 'missing') error(manuscript.configFile, `\`${keyPath.join('.')}\`: file not found: ${value}. Check the path; it is relative to the manuscript folder.`, 'image-missing', where);
  else reportRefusal(manuscript.configFile, `\`${keyPath.join('.')}\`: ${value}`, located, kind, where);
  return undefined;
}
