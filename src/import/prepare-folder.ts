import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../messages/folio-error.js';

/**
 * Make sure an import may write into the folder: a folder that holds anything is left alone unless `force` is
 * given; then its chapter files go (so that no old chapter is built with the new ones), the rest is overwritten.
 * @param dir the new manuscript folder
 * @param force whether to replace an existing manuscript
 */
export async function prepareFolder(dir: string, force: boolean): Promise<void> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new FolioError(`${dir} cannot be used for the manuscript: ${error.message}`);
  });
  if (entries.length === 0) return;
  if (!force) throw new FolioError(`${dir} already exists and is not empty, so nothing was written. Import into a new folder, or add --force to replace its report.yaml, chapters and imported images.`);
  const chapters = entries.filter((name) => name.endsWith('.md') && !/^readme\.md$/i.test(name));
  await Promise.all(chapters.map((name) => rm(path.join(dir, name))));
}
