import { type PDFDocument, PDFName, type PDFObject, type PDFPage, PDFRef } from 'pdf-lib';
import { registerContentStream } from '../content/register-content-stream.js';
import { pageContentBytes } from '../content/page-content-bytes.js';
import { type BreakHyphen, findBreakHyphens } from './find-break-hyphens.js';
import { elementBrokenOverleaf, lettersOverleaf, parentArrays } from './find-word-overleaf.js';
import { applyEdits, type Edit } from './mark-page-artifacts.js';
import { type FontCache, readTextEvents, type TextEvent } from '../content/read-text-events.js';

/** How many line-breaking hyphens were marked, and how many of them with their whole word. */
export interface MarkedHyphens {
  readonly hyphens: number;
  readonly words: number;
}

// Chromium writes the soft hyphen's span so; a page without one has no line-breaking hyphen to mark.
const softHyphenSpan = [Buffer.from('<feff00ad>'), Buffer.from('<FEFF00AD>')];

/**
 * Mark each hyphen that breaks a line so that search, copy and read-aloud see the whole word: the word's first half
 * (with Chromium's soft hyphen) becomes a span whose /ActualText is the whole word, and the hyphen and the second
 * half spans with empty /ActualText, each inside its own text object (ISO 32000-1, 14.6: marked content and text
 * objects nest). A word that goes on overleaf in the same structure element is spanned so on both pages. Where the
 * word cannot be followed, the hyphen alone gets empty /ActualText and Chromium's soft hyphen (U+00AD) stays as
 * the incidental word division (14.8.2.2.3). Nothing painted changes.
 * @param doc the PDF, changed in place
 */
export function markBreakHyphens(doc: PDFDocument): MarkedHyphens {
  const fonts: FontCache = new Map();
  const parents = parentArrays(doc);
  let hyphens = 0;
  let words = 0;
  // The page before, its edits held back while its last word may go on on this page.
  let before: { page: PDFPage; bytes: Uint8Array; events: TextEvent[]; edits: Edit[]; overleaf?: { found: BreakHyphen; element: PDFObject } } | undefined;
  const write = () => {
    if (before && before.edits.length > 0) replaceContent(doc, before.page, applyEdits(before.bytes, before.edits));
    before = undefined;
  };
  for (const page of doc.getPages()) {
    const bytes = pageContentBytes(doc, page);
    if (!before?.overleaf && !softHyphenSpan.some((marker) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker))) {
      write();
      continue;
    }
    const events = readTextEvents(doc, page, bytes, fonts);
    const edits: Edit[] = [];
    if (before?.overleaf) {
      const { found, element } = before.overleaf;
      const letters = lettersOverleaf(doc, events, element, page, parents);
      if (letters.length > 0) {
        words += 1;
        before.edits.push(...firstHalf(before.events, found, found.word + textOf(events, letters)));
        edits.push(...wrap(events, letters, ''));
      }
    }
    write();
    let overleaf: { found: BreakHyphen; element: PDFObject } | undefined;
    for (const found of findBreakHyphens(events)) {
      if (found.marked) continue;
      hyphens += 1;
      edits.push(...wrap(events, [found.hyphen], ''));
      if (found.after.length === 0) {
        const element = elementBrokenOverleaf(doc, events, found, page, parents);
        overleaf = element ? { found, element } : undefined;
        continue;
      }
      words += 1;
      edits.push(...firstHalf(events, found, found.word), ...wrap(events, found.after, ''));
    }
    before = { page, bytes, events, edits, ...(overleaf ? { overleaf } : {}) };
  }
  write();
  return { hyphens, words };
}

/** A marked-content span with /ActualText (a text string in UTF-16BE). */
function span(actualText: string): string {
  return `/Span <</ActualText <${Buffer.from(`\uFEFF${actualText}`, 'utf16le').swap16().toString('hex').toUpperCase()}>>> BDC\n`;
}

/** Edits that wrap showing events in spans, one for each text object they lie in (the two must nest). */
function wrap(events: readonly TextEvent[], shown: readonly number[], actualText: string): Edit[] {
  const edits: Edit[] = [];
  let first: TextEvent | undefined;
  shown.forEach((at, index) => {
    const event = events[at];
    if (!event) return;
    first ??= event;
    const next = shown[index + 1];
    if (next !== undefined && !events.slice(at + 1, next).some((between) => between.kind === 'BT' || between.kind === 'ET')) return;
    edits.push({ at: first.start, end: first.start, text: span(actualText) }, { at: event.end, end: event.end, text: '\nEMC' });
    first = undefined;
  });
  return edits;
}

/**
 * Edits that make the word's first half (with Chromium's soft hyphen) one span whose /ActualText is the whole word.
 * It replaces Chromium's span (and those of unused soft hyphens inside the word), since nested /ActualText is read
 * differently by different readers, and ends at Chromium's EMC.
 */
function firstHalf(events: readonly TextEvent[], found: BreakHyphen, word: string): Edit[] {
  const start = events[found.before[0] ?? found.soft.begin]?.start ?? 0;
  const edits: Edit[] = [{ at: start, end: start, text: span(word) }];
  for (const at of [found.soft.begin, ...found.before.filter((index) => events[index]?.kind !== 'show')]) {
    const event = events[at];
    if (event) edits.push({ at: event.start, end: event.end, text: '' });
  }
  return edits;
}

function textOf(events: readonly TextEvent[], shown: readonly number[]): string {
  return shown.map((at) => events[at]?.text ?? '').join('');
}

/** Give a page its new content stream, dropping the one it replaces. */
function replaceContent(doc: PDFDocument, page: PDFPage, bytes: Uint8Array): void {
  const old = page.node.get(PDFName.of('Contents'));
  page.node.set(PDFName.of('Contents'), registerContentStream(doc, bytes));
  if (old instanceof PDFRef) doc.context.delete(old);
}
