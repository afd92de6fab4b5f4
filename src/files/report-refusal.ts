import type { VFile } from 'vfile';
import { error, type Place } from '../messages/emit.js';
import type { FileKind } from './file-limits.js';
import type { Refusal } from './locate-inside.js';

/**
 * Report a file that was refused, as an error at the place that named it. An outside file is described the same
 * whether or not it exists, and without its size. (A missing file is for the caller to word: it knows the path.)
 * @param file the manuscript file that named it (a chapter, report.yaml)
 * @param subject how the message names it, such as "Image images/a.jpg" or "`logo`: images/a.png"
 * @param refusal why it was refused
 * @param kind what it was to be read as
 * @param place where it is named
 */
export function reportRefusal(file: VFile, subject: string, refusal: Exclude<Refusal, { problem: 'missing' }>, kind: FileKind, place?: Place): void {
  switch (refusal.problem) {
    case 'outside':
      if (kind === 'chapter' || kind === 'config') {
        error(file, `${subject} is a link that leads out of the manuscript folder (or nowhere): Folio reads only files inside the folder. Put the file itself in the folder instead of a link.`, 'file-outside', place);
        return;
      }
      error(file, `${subject} is outside the manuscript folder (or a link leading out of it, or nowhere): copy the file into the folder (for example images/) and use its path relative to the folder.`, 'image-outside', place);
      return;
    case 'not-a-file':
      error(file, `${subject} is ${refusal.what}, not a file: Folio reads only ordinary files. Give the path of a file.`, 'file-not-regular', place);
      return;
    case 'too-large':
      error(file, `${subject} is ${megabytes(refusal.size)}, more than the ${megabytes(refusal.limit)} Folio reads for ${article[kind]}: make it smaller (export the picture at a lower size, split the chapter).`, 'file-too-large', place);
  }
}

const article: Record<FileKind, string> = { config: 'report.yaml', chapter: 'a chapter', image: 'an image', font: 'a font' };

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10 * 1_048_576 ? 1 : 0)} MB`;
}
