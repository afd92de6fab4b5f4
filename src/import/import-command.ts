import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Reporter } from '../cli/reporter.js';
import { FolioError } from '../messages/folio-error.js';
import { importDocx } from './import-docx.js';

/**
 * `folio import DRAFT [DIR]`: import, then print what was carried over and the import report's messages.
 * @param draft the .docx
 * @param dir the folder to write (default: the draft's name, in the current folder)
 * @param flags `--style-map`, `--force`
 * @param reporter where everything is printed
 */
export async function importCommand(draft: string, dir: string | undefined, flags: { styleMap?: string; force?: boolean }, reporter: Reporter): Promise<void> {
  const target = dir ?? (path.basename(draft).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'manuscript');
  const styleMap = flags.styleMap ? await readStyleMap(flags.styleMap) : [];
  reporter.info(`Importing ${draft} → ${target}/`);
  const result = await importDocx({ draft, dir: target, force: flags.force ?? false, styleMap }, reporter);
  reporter.messages(result.files);
  reporter.info(`${result.summary}\nWrote ${target}/ and the import report ${result.reportFile}. Next: folio check ${target}`);
}

/** A style-map file: one mapping a line; blank lines and `#` comments are skipped. */
async function readStyleMap(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new FolioError(`The style map ${file} cannot be read: ${error.message}`);
  });
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
}
