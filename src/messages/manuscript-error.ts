import type { VFile } from 'vfile';

/** The manuscript has errors: the build stops before rendering. The messages are on the files. */
export class ManuscriptError extends Error {
  override name = 'ManuscriptError';
  /** The files with their messages. */
  readonly files: readonly VFile[];
  constructor(files: readonly VFile[]) {
    const count = files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0);
    super(`The manuscript has ${count} error${count === 1 ? '' : 's'}; nothing was written. Fix ${count === 1 ? 'it' : 'them'} and build again.`);
    this.files = files;
  }
}
