import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, type PDFPage, PDFString } from 'pdf-lib';
import { type ContentOperation, contentOperations, glyphString, hexBytes } from './content-operations.js';
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
  /** For `show`: the font's own name, without its subset tag. */
  readonly fontName?: string | undefined;
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
 * @param observe also shown every operation of the stream, in order (to read something else in the same pass)
 */
export function readTextEvents(doc: PDFDocument, page: PDFPage, bytes: Uint8Array, cache: FontCache, observe?: (operation: ContentOperation) => void): TextEvent[] {
  const resources = page.node.Resources();
  const fonts = fontsOf(doc, resources, cache);
  // PDFName objects are interned: the font in effect is found by the name object, never decoded per `Tf`.
  const byName = new Map<PDFObject | undefined, { name: string; font: FontUnicode | undefined }>();
  const properties = resources?.lookupMaybe(PDFName.of('Properties'), PDFDict);
  const events: TextEvent[] = [];
  const open: number[] = [];
  let current: { name: string; font: FontUnicode | undefined } | undefined;
  for (const operation of contentOperations(bytes, doc.context, { glyphs: true })) {
    observe?.(operation);
    const { operator, operands, hexDigits, start, end } = operation;
    switch (operator) {
      case 'Tf': {
        const name = operands[0];
        current = byName.get(name);
        if (!current && name instanceof PDFName) {
          const text = name.decodeText();
          byName.set(name, (current = { name: text, font: fonts.get(text) }));
        }
        break;
      }
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
        const font = current?.font;
        const shown = operator === 'TJ' && operands[0] instanceof PDFArray ? operands[0].asArray() : [operands.at(-1)];
        let text: string | undefined = '';
        let unmapped: number[] | undefined;
        let hex = 0;
        for (const item of shown) {
          if (!font) continue;
          let string: Uint8Array;
          if (item === glyphString) {
            string = hexBytes(bytes, hexDigits[hex] as number, hexDigits[hex + 1] as number);
            hex += 2;
          } else if (item instanceof PDFString) string = item.asBytes();
          else continue;
          if (font.encoded) {
            text += String.fromCharCode(...string);
            continue;
          }
          for (const code of codesOf(string, font.width)) {
            const mapped = font.map?.get(code);
            if (mapped === undefined) (unmapped ??= []).push(code);
            else text += mapped;
          }
        }
        events.push({ kind: 'show', start, end, depth: open.length, font: current?.name, fontName: font?.name, unmapped: unmapped ?? none, text: font && (font.map || font.encoded) && !unmapped ? text : undefined });
        break;
      }
      default:
        break;
    }
  }
  return events;
}

const none: readonly number[] = [];
