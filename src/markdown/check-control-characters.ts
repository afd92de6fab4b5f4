import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { error } from '../messages/emit.js';

// C0 and C1 controls other than tab, line feed and carriage return: no text editor writes them.
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * Report the first control character of a chapter (a NUL byte, an escape) where it stands, by its own name:
 * the Markdown parser would quietly turn a NUL into U+FFFD, and the others print nothing. They mean the file is
 * damaged, or is not text at all.
 * @param file the chapter, its Markdown in `value`
 * @returns whether the chapter is free of them
 */
export function checkControlCharacters(file: VFile): boolean {
  const text = String(file.value);
  const match = control.exec(text);
  if (!match) return true;
  const code = `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = match[0] === '\u0000' ? 'a NUL byte' : `the control character ${code}`;
  error(file, `This chapter holds ${name} (${code}) here, which no text editor writes: the file is probably damaged or not text. Open it in a text editor, delete the character, and save it as UTF-8.`, 'encoding', location(file).toPoint(match.index));
  return false;
}
