import { createRequire } from 'node:module';
import { englishExceptions } from './hyphenation-exceptions.js';

const require = createRequire(import.meta.url);
const softHyphen = '\u00AD';

type HyphenateSync = (text: string, options?: { minWordLength?: number }) => string;

/**
 * A function that inserts soft hyphens into text in the given language, from the `hyphen` package's TeX patterns.
 * Words that start with a capital (names, places) are left whole, as careful typesetters do; a break leaves at least
 * three letters on either side; English (any variant) is set with the American patterns and Folio's exceptions
 * (see hyphenation-exceptions.ts), which break by the parts of a word where the British ones break "star-ted".
 * @param language a BCP 47 tag such as en-GB; falls back to the base language, then to no hyphenation
 * @returns the function, and whether patterns were found for the language
 */
export function createHyphenator(language: string): { hyphenate: (text: string) => string; found: boolean } {
  const tag = language.toLowerCase();
  const english = /^en(-|$)/.test(tag);
  const exceptions = new Map(english ? englishExceptions.map((word) => [word.replaceAll('-', ''), word.replaceAll('-', softHyphen)]) : []);
  for (const candidate of english ? ['en-us'] : [tag, tag.split('-')[0] ?? tag]) {
    if (!/^[a-z-]+$/.test(candidate)) continue;
    let hyphenateSync: HyphenateSync | undefined;
    try {
      hyphenateSync = (require(`hyphen/${candidate}/index.js`) as { hyphenateSync: HyphenateSync }).hyphenateSync;
    } catch {
      continue;
    }
    const mend = (word: string) => {
      if (/^\p{Lu}/u.test(word)) return word.replaceAll(softHyphen, '');
      const whole = word.replaceAll(softHyphen, '');
      const chosen = exceptions.get(whole.toLowerCase());
      const marked = chosen ? keepCase(chosen, whole) : word;
      // At least three letters before and after every break.
      let letters = 0;
      return [...marked].filter((char) => (char === softHyphen ? letters >= 3 && whole.length - letters >= 3 : ((letters += 1), true))).join('');
    };
    const hyphenate = (text: string) => hyphenateSync(text, { minWordLength: 6 }).replace(/[\p{L}\u00AD'’]+/gu, mend);
    return { hyphenate, found: true };
  }
  return { hyphenate: (text) => text, found: false };
}

/** An exception's breaks put into the word as written (its capitals kept). */
function keepCase(chosen: string, whole: string): string {
  let index = 0;
  return [...chosen].map((char) => (char === softHyphen ? char : (whole[index++] ?? char))).join('');
}
