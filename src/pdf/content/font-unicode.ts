import { decodePDFRawStream, PDFDict, type PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/** How a font's codes are read from a shown string, and the text each means. */
export interface FontUnicode {
  /** Bytes per code: 2 for a composite font (Identity-H, as Chromium and pdf-lib write them), 1 otherwise. */
  readonly width: 1 | 2;
  /** The font's ToUnicode map, code → text; `undefined` when the font has none. */
  readonly map: ReadonlyMap<number, string> | undefined;
  /** A simple font without ToUnicode whose codes map through a standard encoding (ISO 32000-1, 9.10.2): its codes
   * are read as Latin-1, near enough for WinAnsi text. */
  readonly encoded: boolean;
  /** The font's name without its subset tag (`NotoNastaliqUrdu-Regular`), for messages. */
  readonly name: string;
}

const standardEncodings = new Set(['WinAnsiEncoding', 'MacRomanEncoding', 'StandardEncoding', 'MacExpertEncoding']);
// The standard 14 fonts; Symbol and ZapfDingbats have built-in encodings whose glyph names map to Unicode.
const standardFonts = /^(Times-(Roman|Bold|Italic|BoldItalic)|Helvetica(-Bold|-Oblique|-BoldOblique)?|Courier(-Bold|-Oblique|-BoldOblique)?|Symbol|ZapfDingbats)$/

/**
 * Read a font's ToUnicode CMap (ISO 32000-1, 9.10.3): its `bfchar` and `bfrange` entries.
 * @param doc the PDF
 * @param font the font dictionary
 */
export function fontUnicode(doc: PDFDocument, font: PDFDict): FontUnicode {
  const width = font.lookupMaybe(PDFName.of('Subtype'), PDFName) === PDFName.of('Type0') ? 2 : 1;
  const base = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText().replace(/^[A-Z]{6}\+/, '') ?? '';
  const stream = doc.context.lookup(font.get(PDFName.of('ToUnicode')));
  if (stream instanceof PDFRawStream) return { width, map: parseCMap(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')), encoded: false, name: base };
  const encoding = font.lookup(PDFName.of('Encoding'));
  // A name of a standard encoding, or Differences over one (their glyph names are taken to be standard ones).
  const encoded = width === 1 && font.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Type3') && (encoding instanceof PDFName ? standardEncodings.has(encoding.decodeText()) : encoding instanceof PDFDict || standardFonts.test(base));
  return { width, map: undefined, encoded, name: base };
}

/**
 * The codes of a shown string.
 * @param bytes the string's bytes
 * @param width bytes per code
 */
export function codesOf(bytes: Uint8Array, width: 1 | 2): number[] {
  const codes: number[] = [];
  for (let index = 0; index + width <= bytes.length; index += width) codes.push(width === 2 ? ((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0) : bytes[index] ?? 0);
  return codes;
}

/** The fonts of a resource dictionary, read once each (fonts are shared between pages). */
export function fontsOf(doc: PDFDocument, resources: PDFDict | undefined, cache: Map<PDFDict, FontUnicode>): Map<string, FontUnicode> {
  const fonts = new Map<string, FontUnicode>();
  const dict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [name, ref] of dict?.entries() ?? []) {
    const font = doc.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    let read = cache.get(font);
    if (!read) cache.set(font, (read = fontUnicode(doc, font)));
    fonts.set(name.decodeText(), read);
  }
  return fonts;
}

const hex = (text: string) => Number.parseInt(text, 16);
// A code mapped to nothing, U+0000, U+FEFF or U+FFFE is not mapped to text (PDF/A-2u and PDF/UA alike).
const meaningless = new Set(['', '\u0000', '\uFEFF', '\uFFFE']);
const utf16 = (text: string) => String.fromCharCode(...(text.match(/.{1,4}/g) ?? []).map(hex));

function parseCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, body = ''] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code = '', unicode = ''] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(hex(code), utf16(unicode));
  }
  for (const [, body = ''] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low = '', high = '', start, list] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const items = list?.match(/[0-9A-Fa-f]+/g) ?? [];
      for (let code = hex(low), step = 0; code <= hex(high); code += 1, step += 1) {
        if (start !== undefined) {
          // The last UTF-16 unit counts up through the range.
          const units = (start.match(/.{1,4}/g) ?? []).map(hex);
          units[units.length - 1] = (units.at(-1) ?? 0) + step;
          map.set(code, String.fromCharCode(...units));
        } else if (items[step] !== undefined) map.set(code, utf16(items[step] ?? ''));
      }
    }
  }
  for (const [code, unicode] of map) if (meaningless.has(unicode)) map.delete(code);
  return map;
}
