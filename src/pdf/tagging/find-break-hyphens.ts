import type { TextEvent } from '../content/read-text-events.js';

/** A hyphen Chromium drew where a soft hyphen broke a line, with the word's halves around it. */
export interface BreakHyphen {
  /** The event that shows the hyphen. */
  readonly hyphen: number;
  /** The soft hyphen's span Chromium wrote just before it (`/Span <</ActualText <FEFF00AD>>> BDC`, its EMC). */
  readonly soft: { readonly begin: number; readonly end: number };
  /** Whether the hyphen is already inside a span with /ActualText. */
  readonly marked: boolean;
  /** The word's letters before the break, in the soft hyphen's text object and sequence: showing events and unused
   * soft hyphens' spans (begin, end) in order, from the first; empty when the word cannot be followed back. */
  readonly before: readonly number[];
  /** The showing events of the word's letters after the break, on the next line of the same sequence; empty when
   * the word goes on elsewhere (the next page, another element). */
  readonly after: readonly number[];
  /** The word's letters, both halves (no hyphen). */
  readonly word: string;
}

const softHyphen = '\u00AD';
const hyphens = new Set(['-', '\u2010', softHyphen]);
const space = /\s/;

/**
 * Find the hyphens that break lines: Chromium draws the soft hyphen at a break as a span with /ActualText U+00AD
 * around an empty glyph, then the hyphen a reader sees as its own glyph, which maps to U+002D ("impor-" / "tant"
 * in the text layer). Each is returned with the word's letters before it (back to a space or the start of its text
 * object) and after it (the next line's first letters up to a space, when that line is in the same sequence).
 * @param events the page's text events
 */
export function findBreakHyphens(events: readonly TextEvent[]): BreakHyphen[] {
  const found: BreakHyphen[] = [];
  events.forEach((event, index) => {
    if (event.kind !== 'end' || event.match === undefined || events[event.match]?.actualText !== softHyphen) return;
    // The next glyph after the soft hyphen, in the same sequence, across the end of its line's text object.
    let next = index + 1;
    let marked = false;
    for (; next < events.length; next += 1) {
      const at = events[next] as TextEvent;
      if (at.kind === 'BT' || at.kind === 'ET') continue;
      if (at.kind === 'begin' && at.actualText !== undefined && at.depth === event.depth) {
        marked = true;
        continue;
      }
      break;
    }
    const hyphen = events[next];
    if (hyphen?.kind !== 'show' || hyphen.text === undefined || !hyphens.has(hyphen.text) || hyphen.depth !== event.depth + (marked ? 1 : 0)) return;
    const before = lettersBefore(events, event.match);
    const after = marked ? [] : lettersAfter(events, next + 1, event.depth);
    const text = (indices: readonly number[]) => indices.map((at) => (events[at]?.kind === 'show' ? events[at]?.text ?? '' : '')).join('').replaceAll(softHyphen, '');
    found.push({ hyphen: next, soft: { begin: event.match, end: index }, marked, before, after, word: text(before) + text(after) });
  });
  return found;
}

/** The word's letters before a soft hyphen's span, with unused soft hyphens' spans on the way (begin, end). */
function lettersBefore(events: readonly TextEvent[], from: number): number[] {
  const depth = events[from]?.depth;
  const letters: number[] = [];
  for (let at = from - 1; at >= 0; at -= 1) {
    const event = events[at] as TextEvent;
    if (event.kind === 'show' && event.depth === depth && event.text !== undefined && !space.test(event.text)) letters.unshift(at);
    else if (event.kind === 'end' && event.depth === depth && event.match !== undefined && events[event.match]?.actualText === softHyphen) {
      letters.unshift(event.match, at);
      at = event.match;
    } else break;
  }
  return letters;
}

/** The next line's first letters, up to a space, when it follows in the same sequence. */
function lettersAfter(events: readonly TextEvent[], from: number, depth: number): number[] {
  let at = from;
  while (events[at]?.kind === 'ET' || events[at]?.kind === 'BT') at += 1;
  if (events[at - 1]?.kind !== 'BT') return [];
  const letters: number[] = [];
  for (; at < events.length; at += 1) {
    const event = events[at] as TextEvent;
    if (event.kind !== 'show' || event.depth !== depth || event.text === undefined || space.test(event.text)) break;
    letters.push(at);
  }
  return letters;
}
