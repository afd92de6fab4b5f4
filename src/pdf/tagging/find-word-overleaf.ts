import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, type PDFPage } from 'pdf-lib';
import type { TextEvent } from '../content/read-text-events.js';
import { flatTree } from '../flat-tree.js';
import type { BreakHyphen } from './find-break-hyphens.js';

/** Each page's parent tree array: the structure element of each MCID. */
export type ParentArrays = ReadonlyMap<number, PDFArray>;

/** The parent tree's page entries, by key. */
export function parentArrays(doc: PDFDocument): ParentArrays {
  const entries = flatTree(doc.context, doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.get(PDFName.of('ParentTree')), 'Nums');
  const arrays = new Map<number, PDFArray>();
  for (let index = 0; index + 1 < entries.length; index += 2) {
    const key = entries[index];
    const value = doc.context.lookup(entries[index + 1]);
    if (key instanceof PDFNumber && value instanceof PDFArray) arrays.set(key.asNumber(), value);
  }
  return arrays;
}

/**
 * The structure element (its reference) an MCID on a page belongs to, above the NonStruct wrappers Chromium puts
 * around each piece of a paragraph's text (the pieces of a paragraph split across pages are one element above them).
 */
function elementOf(doc: PDFDocument, page: PDFPage, mcid: number | undefined, parents: ParentArrays): PDFObject | undefined {
  const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
  let element = mcid === undefined || key === undefined ? undefined : parents.get(key)?.get(mcid);
  for (let depth = 0; depth < 8; depth += 1) {
    const dict = element ? doc.context.lookup(element) : undefined;
    if (!(dict instanceof PDFDict) || dict.get(PDFName.of('S')) !== PDFName.of('NonStruct')) break;
    element = dict.get(PDFName.of('P'));
  }
  return element;
}

/**
 * The structure element whose text a page ends with a hyphen: the hyphen is the last text of its marked-content
 * sequence, so its word goes on overleaf (if anywhere).
 * @returns the element's reference, or `undefined` when the word does not end the sequence
 */
export function elementBrokenOverleaf(doc: PDFDocument, events: readonly TextEvent[], found: BreakHyphen, page: PDFPage, parents: ParentArrays): PDFObject | undefined {
  let begin = found.hyphen - 1;
  while (begin >= 0 && !(events[begin]?.kind === 'begin' && events[begin]?.mcid !== undefined && (events[begin]?.match ?? 0) > found.hyphen)) begin -= 1;
  const sequence = events[begin];
  if (!sequence || sequence.match === undefined) return undefined;
  for (let at = found.hyphen + 1; at < sequence.match; at += 1) if (events[at]?.kind === 'show') return undefined;
  const element = elementOf(doc, page, sequence.mcid, parents);
  // The element's text must not go on later on this page (in a link or an emphasis inside it, say).
  const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
  const later = events.slice(sequence.match).filter((event) => event.kind === 'begin' && event.mcid !== undefined);
  if (!element || later.some((event) => inside(doc, key === undefined ? undefined : parents.get(key)?.get(event.mcid ?? -1), element))) return undefined;
  return element;
}

/** Whether a structure element is, or is inside, another: a note or a note call placed inside a paragraph (drawn
 * in the footnote area, after the text) is not its running text. */
function inside(doc: PDFDocument, start: PDFObject | undefined, element: PDFObject): boolean {
  let current = start;
  for (let depth = 0; current && depth < 12; depth += 1) {
    if (current === element) return true;
    const dict = doc.context.lookup(current);
    if (!(dict instanceof PDFDict) || [PDFName.of('Note'), PDFName.of('Reference')].includes(dict.get(PDFName.of('S')) as PDFName)) return false;
    current = dict.get(PDFName.of('P'));
  }
  return false;
}

/**
 * The letters a word broken at the foot of the page before goes on with: the first letters, up to a space, of the
 * first marked-content sequence on this page that belongs to the same structure element.
 * @returns the showing events (in one or more text objects), or none
 */
export function lettersOverleaf(doc: PDFDocument, events: readonly TextEvent[], element: PDFObject, page: PDFPage, parents: ParentArrays): number[] {
  const begin = events.findIndex((event) => event.kind === 'begin' && event.mcid !== undefined && elementOf(doc, page, event.mcid, parents) === element);
  const sequence = events[begin];
  if (!sequence) return [];
  const letters: number[] = [];
  let at = begin + 1;
  while (events[at]?.kind === 'BT') at += 1;
  for (; at < events.length; at += 1) {
    const event = events[at] as TextEvent;
    // Chromium draws the first letter after the break in a text object of its own.
    if (event.kind === 'ET' || event.kind === 'BT') continue;
    if (event.kind !== 'show' || event.depth !== sequence.depth + 1 || event.text === undefined || /\s/.test(event.text)) break;
    letters.push(at);
  }
  return letters;
}
