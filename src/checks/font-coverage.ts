import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type { ThemeFonts } from '../document/theme-style.js';
import { readSourceFile } from '../files/read-source-file.js';

const cache = new Map<string, Promise<readonly number[]>>();

/**
 * The characters a report's fonts can show (the union of the character maps of its text, display, Arabic-script
 * and Urdu families: every font stack ends with the Arabic-script one).
 * Only regular faces are read: the bold and italic faces of a family cover the same characters.
 * @param fonts the theme's fonts
 */
export async function fontCoverage(fonts: ThemeFonts): Promise<ReadonlySet<number>> {
  const used = new Set(Object.values(fonts.family));
  const regular = fonts.faces.filter((face) => used.has(face.family) && face.weight === 400 && face.style === 'normal');
  const sets = await Promise.all(regular.map((face) => characterSet(face.url)));
  return new Set(sets.flat());
}

/** A font's characters, cached while the file keeps its size and time (a theme font can be replaced in watch). */
async function characterSet(url: string): Promise<readonly number[]> {
  const file = fileURLToPath(url);
  const { size, mtimeMs } = await stat(file);
  const key = `${file}|${size}|${mtimeMs}`;
  let set = cache.get(key);
  if (!set) {
    set = readSourceFile({ path: file }, 'font').then((data) => {
      const font = fontkit.create(data);
      return 'characterSet' in font ? font.characterSet : [];
    });
    cache.set(key, set);
  }
  return set;
}
