// Languages written in Arabic script (primary subtags; a tag may also name the script, as `pa-Arab` does).
const languages = new Set(['ar', 'arb', 'fa', 'pes', 'prs', 'ps', 'pbu', 'pbt', 'pst', 'ur', 'sd', 'ug', 'ckb', 'ks', 'bal', 'skr', 'bsk', 'khw', 'brh', 'hnd', 'lah', 'ota']);

/**
 * Whether a language tag (`ur`, `fa-AF`, `pa-Arab`) is written in Arabic script: the languages report.yaml's
 * `passageLanguages` may name.
 * @param tag a BCP 47 language tag
 */
export function isArabicScript(tag: string): boolean {
  const [language = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  const script = rest.find((part) => part.length === 4);
  return script ? script === 'arab' : languages.has(language);
}
