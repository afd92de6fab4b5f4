import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../messages/folio-error.js';
import { isInside, realRoot } from './locate-inside.js';

/** What a manuscript reads: chapters, report.yaml, images and fonts. Folio never writes over such a file inside it. */
const sourceFile = /\.(md|markdown|ya?ml|jpe?g|png|gif|webp|avif|svg|heic|heif|tiff?|ttf|otf|woff2?)$/i;

/**
 * Refuse, before anything is built, an output that cannot or must not be written: an existing folder (or pipe,
 * device, socket, also through a link), or a file anywhere inside the manuscript folder named like one of its
 * sources (the output would replace it, or a later build would read it).
 * @param output the file to write, as given
 * @param option the option that named it, for the message (`-o`, `--html`, `--proof`)
 * @param manuscriptDir the manuscript folder
 */
export function checkOutputPath(output: string, option: string, manuscriptDir: string): void {
  const target = path.resolve(output);
  let info;
  try {
    info = lstatSync(target, { throwIfNoEntry: false });
  } catch {
    info = undefined;
  }
  if (info?.isDirectory()) throw new FolioError(`${option} ${output} is a folder: give the file to write, such as ${path.join(output, 'report.pdf')}. Nothing was written.`);
  // Through a link too (`/proc/self/fd/1` is a link to a pipe).
  let followed;
  try {
    followed = statSync(target, { throwIfNoEntry: false });
  } catch {
    followed = undefined;
  }
  if ((info && !info.isFile() && !info.isSymbolicLink()) || (followed && !followed.isFile())) throw new FolioError(`${option} ${output} is not an ordinary file (a pipe, a device or a socket): give a file to write. Nothing was written.`);
  const root = realRoot(path.resolve(manuscriptDir));
  const where = realParent(path.dirname(target));
  const real = where && path.join(where, path.basename(target));
  // Inside the manuscript: never over an existing source, nor a new file the next build would read as one.
  const readNext = real !== undefined && path.dirname(real) === root && /\.md$|^report\.yaml$/i.test(path.basename(real));
  // A contact sheet is a PNG by nature: it may be written into the folder, but never over a file there.
  const sourceLike = option === '--proof' ? info !== undefined && sourceFile.test(target) : sourceFile.test(target);
  if (root && real && isInside(root, real) && (sourceLike || readNext)) {
    throw new FolioError(`${option} ${output} is inside the manuscript folder and named like one of its sources (a chapter, report.yaml, an image or a font): Folio never writes over them. Write it elsewhere, such as output/report.pdf. Nothing was written.`);
  }
}

/** The real path of a folder that may not exist yet: its deepest existing ancestor's, with the rest appended. */
function realParent(folder: string): string | undefined {
  try {
    return realpathSync.native(folder);
  } catch {
    const up = path.dirname(folder);
    if (up === folder) return undefined;
    const real = realParent(up);
    return real === undefined ? undefined : path.join(real, path.basename(folder));
  }
}
