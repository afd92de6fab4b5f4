import path from 'node:path';
import { sourceFolder } from '../files/source-folder.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import type { SvgFamilies } from '../images/map-svg-fonts.js';
import { error, warning } from '../messages/emit.js';
import { imageProblem } from './check-images.js';
import { readImageInfo } from './read-image-info.js';
import { svgFontWarnings } from './svg-font-warnings.js';

/** The report.yaml keys that name a picture. */
const imageKeys = [['logo'], ['organisationLogo'], ['cover', 'image']] as const;

/**
 * Check the pictures report.yaml names (emblems, the cover photo) as the chapters' images are checked: a HEIC
 * photo, a file that is no image, too many pixels or an SVG too heavy to draw is an error at the key naming it,
 * and an SVG whose text names a family the report cannot set it in a warning there (`image-font`).
 * A file that is missing or outside the folder is reported where the document is assembled.
 * @param manuscript the manuscript, for its folder, report.yaml and the keys' positions
 * @param families the report's sans-serif, serif and monospace families, which SVG text is set in
 */
export async function checkConfigImages(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>, families?: SvgFamilies): Promise<void> {
  const folder = sourceFolder(manuscript.root);
  const values: Record<string, string | undefined> = { logo: manuscript.config.logo, organisationLogo: manuscript.config.organisationLogo, 'cover.image': manuscript.config.cover.image };
  await Promise.all(
    imageKeys.map(async (keyPath) => {
      const value = values[keyPath.join('.')];
      const located = value ? folder?.locate(value, 'image') : undefined;
      if (!located?.found) return;
      const info = await readImageInfo(located.path);
      const problem = imageProblem(path.basename(located.path), info);
      if (problem) error(manuscript.configFile, `\`${keyPath.join('.')}\`: ${problem.message}`, problem.rule, manuscript.locate(keyPath));
      else if (info.kind === 'vector' && families) {
        for (const message of await svgFontWarnings(located.path, families)) warning(manuscript.configFile, `\`${keyPath.join('.')}\`: ${message}`, 'image-font', manuscript.locate(keyPath));
      }
    }),
  );
}
