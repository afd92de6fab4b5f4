import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFPage, PDFString } from 'pdf-lib';
import { contentOperations } from './content-operations.js';
import { codesOf, type FontUnicode, fontsOf } from './font-unicode.js';

/** A text object's bounds, a marked-content operator, or a text-showing operation, in the order of the stream. */
export interface TextEvent {
  readonly kind: 'BT' | 'ET' | 'begin' | 'end' | 'show';
  readonly start: number;
  readonly end: number;
  /** For `show`: the text its glyphs map to (`undefined` where a code has no ToUnicode entry). */
  readonly text?: string | undefined;
  /** For `show`: the codes it shows that no ToUnicode entry maps (for the font checks). */
  readonly unmapped?: readonly number[];
  /** For `show`: the font's resource name. */
  readonly font?: string | undefined;
  /** For `begin`: its /ActualText, its MCID, and for `begin` and `end` the index of the matching event. */
  readonly actualText?: string | undefined;
  readonly mcid?: number | undefined;
  match?: number;
  /** How many marked-content sequences enclose the event (for `begin` and `end`, those outside it). */
  readonly depth: number;
}

/** The fonts read so far, shared by all pages (fonts are shared between pages). */
export type FontCache = Map<PDFDict, FontUnicode>;

/**
 * Read a page's content stream as the events that matter for its text: text objects, marked content (with
 * /ActualText and MCID) and the text each showing operation maps to through its font's ToUnicode map.
 * @param doc the PDF
 * @param page the page
 * @param bytes the page's decoded content
 * @param cache fonts read so far
 */
export function readTextEvents(doc: PDFDocument, page: PDFPage, bytes: Uint8Array, cache: FontCache): TextEvent[] {
  const resources = page.node.Resources();
  const fonts = fontsOf(doc, resources, cache);
  const properties = resources?.lookupMaybe(PDFName.of('Properties'), PDFDict);
  const events: TextEvent[] = [];
  const open: number[] = [];
  let fontName: string | undefined;
  for (const { operator, operands, start, end } of contentOperations(bytes, doc.context, { strings: true })) {
    switch (operator) {
      case 'Tf':
        fontName = operands[0] instanceof PDFName ? operands[0].decodeText() : undefined;
        break;
      case 'BT': case 'ET':
        events.push({ kind: operator, start, end, depth: open.length });
        break;
      case 'BMC': case 'BDC': {
        const found = operator === 'BDC' ? (operands[1] instanceof PDFName ? properties?.lookup(operands[1]) : operands[1]) : undefined;
        const dict = found instanceof PDFDict ? found : undefined;
        const actual = dict?.lookup(PDFName.of('ActualText'));
        open.push(events.length);
        events.push({ kind: 'begin', start, end, depth: open.length - 1, actualText: actual instanceof PDFString || actual instanceof PDFHexString ? actual.decodeText() : undefined, mcid: dict?.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber() });
        break;
      }
      case 'EMC': {
        const begin = open.pop();
        const event: TextEvent = { kind: 'end', start, end, depth: open.length };
        if (begin !== undefined) {
          event.match = begin;
          (events[begin] as TextEvent).match = events.length;
        }
        events.push(event);
        break;
      }
      case 'Tj': case 'TJ': case "'": case '"': {
        const font = fontName === undefined ? undefined : fonts.get(fontName);
        const strings = (operator === 'TJ' && operands[0] instanceof PDFArray ? operands[0].asArray() : [operands.at(-1)]).filter((item) => item instanceof PDFHexString || item instanceof PDFString);
        const codes = font ? strings.flatMap((item) => codesOf(item.asBytes(), font.width)) : [];
        const unmapped = font?.encoded ? [] : codes.filter((code) => font?.map?.get(code) === undefined);
        const text = font?.encoded ? String.fromCharCode(...codes) : font?.map && unmapped.length === 0 ? codes.map((code) => font.map?.get(code) ?? '').join('') : undefined;
        events.push({ kind: 'show', start, end, depth: open.length, font: fontName, unmapped, text });
        break;
      }
      default:
        break;
    }
  }
  return events;
}
