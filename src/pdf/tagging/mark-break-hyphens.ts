import { deflateSync } from 'node:zlib';
import { type PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { pageContentBytes } from '../content/page-content-bytes.js';
import { findBreakHyphens } from './find-break-hyphens.js';
import { applyEdits, type Edit } from './mark-page-artifacts.js';
import { type FontCache, readTextEvents } from '../content/read-text-events.js';

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
 * objects nest). Where the word goes on elsewhere (the next page), the hyphen alone gets empty /ActualText and
 * Chromium's soft hyphen (U+00AD) stays as the incidental word division (14.8.2.2.3). Nothing painted changes.
 * @param doc the PDF, changed in place
 */
export function markBreakHyphens(doc: PDFDocument): MarkedHyphens {
  const fonts: FontCache = new Map();
  let hyphens = 0;
  let words = 0;
  for (const page of doc.getPages()) {
    const bytes = pageContentBytes(doc, page);
    if (!softHyphenSpan.some((marker) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker))) continue;
    const events = readTextEvents(doc, page, bytes, fonts);
    const edits: Edit[] = [];
    const span = (actualText: string) => `/Span <</ActualText <${Buffer.from(`\uFEFF${actualText}`, 'utf16le').swap16().toString('hex').toUpperCase()}>>> BDC\n`;
    const wrap = (first: number, last: number, actualText: string) => {
      edits.push({ at: events[first]?.start ?? 0, end: events[first]?.start ?? 0, text: span(actualText) }, { at: events[last]?.end ?? 0, end: events[last]?.end ?? 0, text: '\nEMC' });
    };
    for (const found of findBreakHyphens(events)) {
      if (found.marked) continue;
      hyphens += 1;
      wrap(found.hyphen, found.hyphen, '');
      const [first, last] = [found.after[0], found.after.at(-1)];
      if (first === undefined || last === undefined) continue;
      words += 1;
      // The first half's span replaces Chromium's (and those of unused soft hyphens inside the word): nested
      // /ActualText is read differently by different readers. It ends at Chromium's EMC.
      const start = events[found.before[0] ?? found.soft.begin]?.start ?? 0;
      edits.push({ at: start, end: start, text: span(found.word) });
      for (const at of [found.soft.begin, ...found.before.filter((index) => events[index]?.kind !== 'show')]) {
        const event = events[at];
        if (event && at !== found.soft.end) edits.push({ at: event.start, end: event.end, text: '' });
      }
      wrap(first, last, '');
    }
    if (edits.length === 0) continue;
    const old = page.node.get(PDFName.of('Contents'));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(deflateSync(applyEdits(bytes, edits)), { Filter: 'FlateDecode' })));
    if (old instanceof PDFRef) doc.context.delete(old);
  }
  return { hyphens, words };
}
