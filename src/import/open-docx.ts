import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as CFB from 'cfb';
import JSZip from 'jszip';
import { FolioError } from '../messages/folio-error.js';

/** A Word draft opened as the zip package it is. */
export interface Docx {
  /** The file's bytes, as read. */
  readonly bytes: Buffer;
  /** Its parts (word/document.xml, docProps/core.xml, word/media/…). */
  readonly zip: JSZip;
}

const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** What the parts of a draft may unpack to in all. */
const maxUnpacked = 256 * 1_048_576;

/**
 * Read a .docx, or say clearly why it cannot be imported: an old binary .doc, a password-protected file, a file
 * that is not (or no longer) a Word document.
 * @param file the draft's path
 */
export async function openDocx(file: string): Promise<Docx> {
  const name = path.basename(file);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new FolioError(error.code === 'ENOENT' ? `There is no file ${file}.` : `${file} cannot be read: ${error.message}`);
  });
  if (bytes.subarray(0, 4).equals(oleSignature)) throw new FolioError(oleProblem(name, bytes));
  // First without unpacking anything: what each part says it unpacks to (a zip bomb says so too, if it does not lie).
  const listed = await JSZip.loadAsync(bytes).catch(() => undefined);
  const unpacked = Object.values(listed?.files ?? {}).reduce((sum, entry) => sum + ((entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (unpacked > maxUnpacked) throw new FolioError(`${name} unpacks to ${Math.round(unpacked / 1_048_576).toLocaleString('en')} MB, more than the ${maxUnpacked / 1_048_576} MB a draft may hold (a long report with photos is a few dozen): it is damaged or not a real draft. Save it again from the word processor.`);
  const zip = listed && (await JSZip.loadAsync(bytes, { checkCRC32: true }).catch(() => undefined));
  if (!zip) throw new FolioError(`${name} is not a Word document, or it is damaged (it is not a readable .docx package). Open it in Word or LibreOffice and save it again as .docx.`);
  if (!zip.file('word/document.xml')) throw new FolioError(`${name} is a zip file but not a Word document (it has no word/document.xml). Save the draft from the word processor as Word (.docx).`);
  return { bytes, zip };
}

/** An OLE compound file is either an encrypted .docx (the package sits in an EncryptedPackage stream) or a .doc. */
function oleProblem(name: string, bytes: Buffer): string {
  const container = (() => {
    try {
      return CFB.read(bytes, { type: 'buffer' });
    } catch {
      return undefined;
    }
  })();
  if (container && CFB.find(container, 'EncryptionInfo')) {
    return `${name} is protected by a password, so its text cannot be read. Open it in Word (File › Info › Protect Document › Encrypt with Password, clear the password) or LibreOffice (File › Properties › Security), save it without a password, and import that copy.`;
  }
  if (container && CFB.find(container, 'WordDocument')) {
    return `${name} is an old Word 97–2003 document (.doc), which Folio does not read. Open it in Word or LibreOffice and save it as Word Document (.docx), then import that file.`;
  }
  return `${name} is an Office file of another kind (an OLE compound file without Word's text), or it is damaged. Save the draft as Word Document (.docx) and import that.`;
}
