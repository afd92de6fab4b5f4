/** The languages of the region written in Arabic script, as BCP 47 tags. */
export type ArabicScriptLanguage = 'ur' | 'fa' | 'ps' | 'ar';

// Letters each language has and the others lack (Persian's are shared with Urdu and Pashto, so they count last).
const pashto = /[\u067C\u0681\u0685\u0689\u0693\u0696\u069A\u06AB\u06BC\u06CD\u06D0]/gu; // ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې
const urdu = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1-\u06C3\u06D2\u06D3\u06D4]/gu; // ٹ ڈ ڑ ں ھ ہ ۂ ۃ ے ۓ ۔
const persian = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/gu; // پ چ ژ گ ک ی
const arabic = /[\u0629\u0643\u0649\u064A\u064B-\u0652]/gu; // ة ك ى ي and the short-vowel marks

/**
 * Guess which language of the region an Arabic-script text is in, from the letters only that language uses;
 * nothing when it has none of them (a short run such as a name may not).
 * @param text Arabic-script text
 */
export function guessArabicLanguage(text: string): ArabicScriptLanguage | undefined {
  const count = (letters: RegExp) => text.match(letters)?.length ?? 0;
  const [ps, ur, fa, ar] = [count(pashto), count(urdu), count(persian), count(arabic)];
  if (ps > 0 && ps >= ur) return 'ps';
  if (ur > 0) return 'ur';
  if (fa > ar) return 'fa';
  return ar > 0 ? 'ar' : undefined;
}
