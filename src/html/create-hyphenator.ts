import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const softHyphen = '\u00AD';

type HyphenateSync = (text: string, options?: { minWordLength?: number }) => string;

/**
 * A function that inserts soft hyphens into text in the given language, from the `hyphen` package's TeX patterns.
 * Words that start with a capital (names, places) are left whole, as careful typesetters do.
 * @param language a BCP 47 tag such as en-GB; falls back to the base language, then to no hyphenation
 * @returns the function, and whether patterns were found for the language
 */
export function createHyphenator(language: string): { hyphenate: (text: string) => string; found: boolean } {
  const tag = language.toLowerCase();
  for (const candidate of [tag, tag.split('-')[0] ?? tag]) {
    if (!/^[a-z-]+$/.test(candidate)) continue;
    let hyphenateSync: HyphenateSync | undefined;
    try {
      hyphenateSync = (require(`hyphen/${candidate}/index.js`) as { hyphenateSync: HyphenateSync }).hyphenateSync;
    } catch {
      continue;
    }
    const hyphenate = (text: string) =>
      hyphenateSync(text, { minWordLength: 6 }).replace(/\p{Lu}[\p{L}\u00AD'’]*/gu, (word) => word.replaceAll(softHyphen, ''));
    return { hyphenate, found: true };
  }
  return { hyphenate: (text) => text, found: false };
}
