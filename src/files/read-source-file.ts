import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { FolioError } from '../messages/folio-error.js';
import { fileLimits, type FileKind } from './file-limits.js';
import type { Found } from './locate-inside.js';

/**
 * Read a file that {@link locateInside} found, bounded by its kind's size limit. It is opened without following a
 * link and without waiting on a pipe, and checked again through the open handle to be the same regular file: a
 * file swapped for a link or a pipe after it was located is refused, not read.
 * @param file the located file
 * @param kind what it is read as, for its size limit
 * @param length read only this many bytes from the start (a header)
 */
export async function readSourceFile(file: Pick<Found, 'path'>, kind: FileKind, length = Infinity): Promise<Buffer> {
  const handle = await open(file.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES' || error.code === 'EPERM') throw new FolioError(`${file.path} cannot be read: this user has no permission to read it. Change its permissions (chmod a+r) and build again.`);
    throw new FolioError(`${file.path} changed while it was being read (it became a link or disappeared). Build again.`);
  });
  try {
    const info = await handle.stat();
    const limit = fileLimits[kind];
    if (!info.isFile() || info.size > limit) throw new FolioError(`${file.path} changed while it was being read. Build again.`);
    // Read what the size said and no more, so a file that grows while it is read stays within the limit.
    const buffer = Buffer.alloc(Math.min(info.size, length));
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesRead } = await handle.read(buffer, offset, buffer.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === buffer.length ? buffer : buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}
