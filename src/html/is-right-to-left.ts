// Languages written right to left (their primary subtags), and scripts that are whatever the language.
const languages = new Set(['ar', 'arb', 'fa', 'pes', 'prs', 'ps', 'pbu', 'pbt', 'pst', 'ur', 'sd', 'ug', 'ckb', 'ks', 'bal', 'he', 'yi', 'dv', 'syr']);
const scripts = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg']);

/**
 * Whether a language tag (`ur`, `fa-AF`, `pa-Arab`) is written right to left.
 * @param tag a BCP 47 language tag
 */
export function isRightToLeft(tag: string): boolean {
  const [language = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  const script = rest.find((part) => part.length === 4);
  return script ? scripts.has(script) : languages.has(language);
}
