import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FolioError } from '../messages/folio-error.js';

const run = promisify(execFile);

/**
 * Run one of poppler's tools (pdfimages, pdftotext), which preflight reads images and text with.
 * @param tool the command
 * @param args its arguments
 */
export async function poppler(tool: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FolioError(`folio preflight reads images and text with poppler's ${tool}, which is not installed: \`sudo apt-get install poppler-utils\` (Debian/Ubuntu) or \`brew install poppler\` (macOS).`);
    }
    throw error;
  }
}
