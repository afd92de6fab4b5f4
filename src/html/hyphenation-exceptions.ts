/**
 * Words the English patterns break badly, written with their breaks (`-`) as a careful editor would, or whole.
 * TeX's British patterns (ukhyphen) break "star-ted", "reques-ted", "misalloc-ate", "im-port-ant"; Folio sets
 * English with the American patterns (Liang's, with their own exceptions), which break by the parts of a word,
 * and keeps this list for what those still get wrong. Breaks leaving fewer than three letters are dropped anyway.
 */
export const englishExceptions: readonly string[] = [
  'follow', 'follows', 'followed', 'fol-low-ing', 'fol-low-er', 'fol-low-ers',
  'start-ed', 'start-ing', 'mis-al-lo-cate', 'mis-al-lo-cated', 'mis-al-lo-ca-tion',
  'sa-lin-ity', 'dis-tricts', 'dis-trict', 'im-por-tant', 'im-por-tance', 're-quest-ed', 'water', 'waters',
];
