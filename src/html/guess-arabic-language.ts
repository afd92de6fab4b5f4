/** The languages of the region written in Arabic script, as BCP 47 tags. */
export type ArabicScriptLanguage = 'ur' | 'fa' | 'ps' | 'ar';

/** What the guess chooses among when report.yaml declares nothing: the script's own language first (the fallback). */
export const regionLanguages: readonly string[] = ['ar', 'ur', 'fa', 'ps'];

// Letters each language has and the others lack (Persian's are shared with Urdu and Pashto, so they count last).
const pashto = /[\u067C\u0681\u0685\u0689\u0693\u0696\u069A\u06AB\u06BC\u06CD\u06D0]/gu; // ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې
const urdu = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1-\u06C3\u06D2\u06D3\u06D4]/gu; // ٹ ڈ ڑ ں ھ ہ ۂ ۃ ے ۓ ۔
const persian = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/gu; // پ چ ژ گ ک ی
const arabic = /[\u0629\u0643\u0649\u064A\u064B-\u0652]/gu; // ة ك ى ي and the short-vowel marks

// The language each tag's letters are counted as: its primary subtag, or the macrolanguage it belongs to.
const families: Record<string, ArabicScriptLanguage> = { ur: 'ur', fa: 'fa', prs: 'fa', pes: 'fa', ps: 'ps', pbu: 'ps', pbt: 'ps', pst: 'ps', ar: 'ar', arb: 'ar' };

/** The language whose letters a tag is counted by (`fa-AF` by Persian's), if Folio knows them. */
function familyOf(tag: string): ArabicScriptLanguage | undefined {
  return families[tag.toLowerCase().split(/[-_]/)[0] ?? ''];
}

/**
 * Guess which language of the region an Arabic-script text is in, from the letters only that language uses;
 * nothing when it has none of them (a short run such as a name may not).
 * @param text Arabic-script text
 * @param among the language tags to choose among (report.yaml's `passageLanguages`): the tag is returned as
 *   written (`fa-AF`); letters of a language not among them count for nothing
 */
export function guessArabicLanguage(text: string, among: readonly string[] = regionLanguages): string | undefined {
  const tag = (family: ArabicScriptLanguage) => among.find((candidate) => familyOf(candidate) === family);
  const count = (family: ArabicScriptLanguage, letters: RegExp) => (tag(family) === undefined ? 0 : (text.match(letters)?.length ?? 0));
  const [ps, ur, fa, ar] = [count('ps', pashto), count('ur', urdu), count('fa', persian), count('ar', arabic)];
  if (ps > 0 && ps >= ur) return tag('ps');
  if (ur > 0) return tag('ur');
  if (fa > ar) return tag('fa');
  return ar > 0 ? tag('ar') : undefined;
}
