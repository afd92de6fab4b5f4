import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../messages/folio-error.js';
import { templatesDir } from '../package-paths.js';
import type { OutputIntent } from './prepare-for-press.js';

/** Where Debian (package libgs-common) keeps the CMYK characterisation Folio prepares print files for. */
export const defaultCmykProfile = '/usr/share/color/icc/ghostscript/default_cmyk.icc';

/**
 * The colour profiles of the print edition: sRGB (shipped in templates/icc) for every RGB colour, and the CMYK
 * output intent: FOLIO_CMYK_PROFILE (with FOLIO_CMYK_CONDITION, its registered name) when set, else Artifex's
 * SWOP profile from Debian's libgs-common, declared as CGATS TR 001.
 */
export async function pressProfiles(env: NodeJS.ProcessEnv = process.env): Promise<{ srgb: Uint8Array; outputIntent: OutputIntent }> {
  const srgb = await readFile(path.join(templatesDir, 'icc', 'sRGB.icc'));
  const custom = env['FOLIO_CMYK_PROFILE'];
  const file = custom ?? defaultCmykProfile;
  if (!existsSync(file)) {
    throw new FolioError(
      custom
        ? `FOLIO_CMYK_PROFILE is set to ${custom}, but there is no file there.`
        : `The print edition needs a CMYK colour profile for its output intent, and ${defaultCmykProfile} is missing. On Debian or Ubuntu: \`sudo apt-get install libgs-common\` (npm install does it as root); elsewhere, set FOLIO_CMYK_PROFILE to a CMYK .icc file and FOLIO_CMYK_CONDITION to its name (for example FOGRA39).`,
    );
  }
  const profile = await readFile(file);
  const identifier = custom ? (env['FOLIO_CMYK_CONDITION'] ?? path.basename(file, path.extname(file))) : 'CGATS TR 001';
  const info = custom ? `${identifier} (${path.basename(file)})` : 'Artifex CMYK SWOP Profile: US web coated (SWOP), CGATS TR 001';
  return { srgb, outputIntent: { profile, identifier, info } };
}
