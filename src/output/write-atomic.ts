import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a file so that readers see either the old or the new content, never half of one: write a temporary
 * file next to it, then rename it into place. A failed or interrupted build leaves the previous file as it was.
 * @param target the file to write
 * @param data its new content
 * @param verify checks the written file before it replaces the old one; throwing keeps the old one
 */
export async function writeAtomic(target: string, data: Uint8Array | string, verify?: (written: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    if (verify) await verify(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
