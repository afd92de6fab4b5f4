import path from 'node:path';
import { sourceFolder } from '../files/source-folder.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import { error } from '../messages/emit.js';
import { imageProblem } from './check-images.js';
import { readImageInfo } from './read-image-info.js';

/** The report.yaml keys that name a picture. */
const imageKeys = [['logo'], ['organisationLogo'], ['cover', 'image']] as const;

/**
 * Check the pictures report.yaml names (emblems, the cover photo) as the chapters' images are checked: a HEIC
 * photo, a file that is no image, too many pixels or an SVG too heavy to draw is an error at the key naming it.
 * A file that is missing or outside the folder is reported where the document is assembled.
 * @param manuscript the manuscript, for its folder, report.yaml and the keys' positions
 */
export async function checkConfigImages(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>): Promise<void> {
  const folder = sourceFolder(manuscript.root);
  const values: Record<string, string | undefined> = { logo: manuscript.config.logo, organisationLogo: manuscript.config.organisationLogo, 'cover.image': manuscript.config.cover.image };
  await Promise.all(
    imageKeys.map(async (keyPath) => {
      const value = values[keyPath.join('.')];
      const located = value ? folder?.locate(value, 'image') : undefined;
      if (!located?.found) return;
      const problem = imageProblem(path.basename(located.path), await readImageInfo(located.path));
      if (problem) error(manuscript.configFile, `\`${keyPath.join('.')}\`: ${problem.message}`, problem.rule, manuscript.locate(keyPath));
    }),
  );
}
