/** One cited key inside a citation: `see @key, p. 12` or `-@key`. */
export interface CitedItem {
  readonly key: string;
  /** Text before the key (`see`), trimmed. */
  readonly prefix: string;
  /** Text after the key and its comma (`p. 12`, `ch. 3`), trimmed. */
  readonly suffix: string;
  /** `-@key`: print the year without the author. */
  readonly suppressAuthor: boolean;
  /** Offset of `@` in the text searched. */
  readonly offset: number;
}

/** A citation found in a run of text: `[…]` with one or more keys, or `@key` in the sentence. */
export interface FoundCitation {
  readonly items: readonly CitedItem[];
  /** `@key says`: the author is part of the sentence. */
  readonly narrative: boolean;
  /** Where the citation starts and ends in the text searched. */
  readonly start: number;
  readonly end: number;
}

// Pandoc's keys: a letter, digit or _, then letters, digits and inner punctuation (:.#$%&-+?<>~/), not ending on it.
const key = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
const bracketed = new RegExp(String.raw`\[([^\[\]]*?-?@${key}[^\[\]]*)\](?![(\[:])`, 'gu');
const narrative = new RegExp(String.raw`(?<![\p{L}\p{N}_@.\-+])@(${key})(?:\s\[([^\[\]@]*)\](?![(\[:]))?`, 'gu');
const itemPattern = new RegExp(String.raw`^(.*?)(-?)@(${key})(?:\s*,\s*(.*))?$`, 'su');

/**
 * Find Pandoc-style citations in a run of text: `[@key]`, `[@key, p. 12]`, `[see @a; @b, ch. 3]`,
 * `[-@key]`, and `@key` or `@key [p. 12]` in the sentence. An e-mail address (`name@host`) is no citation.
 * @param text the text of one text node
 */
export function findCitations(text: string): FoundCitation[] {
  const found: FoundCitation[] = [];
  for (const match of text.matchAll(bracketed)) {
    const inner = match[1] ?? '';
    const parts = splitItems(inner, match.index + 1);
    const items = parts.map(parseItem);
    // `[see the note @x]` with text that is not a key list: every part must hold a key.
    if (items.some((item) => item === undefined)) continue;
    found.push({ items: items as CitedItem[], narrative: false, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(narrative)) {
    const start = match.index;
    if (found.some((citation) => start >= citation.start && start < citation.end)) continue;
    const item = { key: match[1] ?? '', prefix: '', suffix: dashes((match[2] ?? '').trim()), suppressAuthor: false, offset: start };
    found.push({ items: [item], narrative: true, start, end: start + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function splitItems(inner: string, offset: number): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let start = 0;
  for (let i = 0; i <= inner.length; i += 1) {
    if (i === inner.length || inner[i] === ';') {
      parts.push({ text: inner.slice(start, i), offset: offset + start });
      start = i + 1;
    }
  }
  return parts;
}

function parseItem(part: { text: string; offset: number }): CitedItem | undefined {
  const match = itemPattern.exec(part.text);
  if (!match) return undefined;
  const prefix = (match[1] ?? '').trim();
  // `name@host` inside brackets is an address, not a key.
  if (/[\p{L}\p{N}_]$/u.test(match[1] ?? '')) return undefined;
  const at = part.offset + (match[1] ?? '').length + (match[2] ?? '').length;
  return { key: match[3] ?? '', prefix: dashes(prefix), suffix: dashes((match[4] ?? '').trim()), suppressAuthor: match[2] === '-', offset: at };
}

// The dashes running text gets (smartypants, oldschool): the engine prints prefixes and locators as given, so
// `112--118` would keep its two hyphens.
function dashes(text: string): string {
  return text.replaceAll('---', '\u2014').replaceAll('--', '\u2013');
}
