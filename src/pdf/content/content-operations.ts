import { PDFBool, type PDFContext, type PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFObject, PDFObjectParser } from 'pdf-lib';

// pdf-lib exports its object parser but not the byte stream it reads from.
import byteStream from 'pdf-lib/cjs/core/parser/ByteStream.js';

const { default: ByteStream } = byteStream;

/** One operator of a content stream with its operands. */
export interface ContentOperation {
  readonly operator: string;
  readonly operands: readonly PDFObject[];
  /** Its numeric operands' values in order, when asked for (`numbers`); otherwise empty. */
  readonly numbers: readonly number[];
  /**
   * Where the digits of its hex strings lie in the stream's bytes (start and end of each, in order), when asked for
   * (`glyphs`); otherwise empty. Each such string is `glyphString` among the operands.
   */
  readonly hexDigits: readonly number[];
  /** Where the operation starts (its first operand) and ends (after its operator) in the stream's bytes. */
  readonly start: number;
  readonly end: number;
}

/** What to read besides the operators. */
export interface ContentReadOptions {
  /** Collect numeric operands' values (for positions) in `numbers`; operands stay skipped, which is faster. */
  readonly numbers?: boolean;
  /**
   * Note where hex strings (glyph codes) lie (`hexDigits`, read them with `hexBytes`); otherwise they are skipped.
   * Either way none is built: Chromium shows one glyph per `Tj`, and an object and a string for each glyph made
   * reading a page's text slow. Literal strings are kept as objects.
   */
  readonly glyphs?: boolean;
}

/** The operand standing for a hex string whose digits' place is in `hexDigits` (read with `glyphs`). */
export const glyphString = PDFHexString.of('');

// Whitespace and delimiters end an operator (ISO 32000-1, 7.2.2); tables, not sets: this is the hottest loop.
const irregular = table([0, 9, 10, 12, 13, 32, 40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);
const whitespace = table([0, 9, 10, 12, 13, 32]);
const names = new Map<string, PDFName>();
const skipped = PDFNumber.of(0);
const skippedText = PDFHexString.of('');
const digits = '0123456789'.split('').map((digit) => digit.charCodeAt(0));
const numberStart = table([43, 45, 46, ...digits]);
const operandStart = table([40, 47, 60, 91, 43, 45, 46, ...digits]);

const operatorTexts = new Map<number, string>();

function table(bytes: readonly number[]): Uint8Array {
  const found = new Uint8Array(256);
  for (const byte of bytes) found[byte] = 1;
  return found;
}

/**
 * pdf-lib's object parser reads the operands. Content streams never hold references, so `0 1 RG` stays numbers;
 * and only dictionaries' values are kept (a BDC's MCID): glyph strings and coordinates are skipped, not built,
 * which makes reading a page several times faster.
 */
class ContentParser extends PDFObjectParser {
  private inDict = 0;
  private values: number[] = [];
  private hexDigits: number[] = [];

  constructor(private readonly data: Uint8Array, context: PDFContext, private readonly keepNumbers: boolean, private readonly noteGlyphs: boolean) {
    super(ByteStream.of(data), context);
  }

  // The loops below index the bytes themselves: pdf-lib's byte stream counts lines and columns on every byte read,
  // for messages these content streams never need, and that made skipping a page's glyph strings its dearest part.

  protected override skipWhitespaceAndComments(): void {
    const data = this.data;
    let offset = this.bytes.offset();
    for (;;) {
      while (offset < data.length && whitespace[data[offset] as number] === 1) offset += 1;
      if (data[offset] !== 37) break; // %: a comment runs to the end of its line
      while (offset < data.length && data[offset] !== 10 && data[offset] !== 13) offset += 1;
    }
    this.bytes.moveTo(offset);
  }

  /** A name, made once for each spelling: pdf-lib decodes every name it reads through a regular expression. */
  protected override parseName(): PDFName {
    const data = this.data;
    const start = this.bytes.offset() + 1;
    if (data[start - 1] !== 47) return super.parseName();
    let end = start;
    while (end < data.length && irregular[data[end] as number] !== 1) end += 1;
    this.bytes.moveTo(end);
    let spelled = '';
    for (let offset = start; offset < end; offset += 1) spelled += String.fromCharCode(data[offset] as number);
    let name = names.get(spelled);
    if (name === undefined) {
      name = PDFName.of(spelled);
      if (names.size < 10_000) names.set(spelled, name);
    }
    return name;
  }

  protected override parseNumberOrRef(): PDFNumber {
    const value = this.parseRawNumber();
    if (this.inDict > 0) return PDFNumber.of(value);
    // PDFNumber.of formats the number as text: too slow for every coordinate of a page.
    if (this.keepNumbers) this.values.push(value);
    return skipped;
  }

  protected override parseHexString(): PDFHexString {
    const start = this.bytes.offset();
    const end = this.data.indexOf(62, start);
    // A dictionary's hex strings are kept (an /ActualText); glyph strings are noted or skipped.
    const kept = this.inDict > 0;
    if (end === -1 && kept) return super.parseHexString(); // unterminated: pdf-lib says so
    this.bytes.moveTo(end === -1 ? this.data.length : end + 1);
    // The digits as pdf-lib would keep them (one character per byte), without its byte-by-byte reading.
    if (kept) return PDFHexString.of(Buffer.from(this.data.buffer, this.data.byteOffset + start + 1, end - start - 1).toString('latin1'));
    if (!this.noteGlyphs || end === -1) return skippedText;
    this.hexDigits.push(start + 1, end);
    return glyphString;
  }

  protected override parseDict(): PDFDict {
    this.inDict += 1;
    try {
      return super.parseDict();
    } finally {
      this.inDict -= 1;
    }
  }

  *operations(): Generator<ContentOperation> {
    let operands: PDFObject[] = [];
    let first: number | undefined;
    for (this.skipWhitespaceAndComments(); !this.bytes.done(); this.skipWhitespaceAndComments()) {
      first ??= this.bytes.offset();
      const next = this.bytes.peek();
      if (numberStart[next] === 1) {
        const value = this.readNumber();
        if (this.keepNumbers) this.values.push(value);
        operands.push(skipped);
        continue;
      }
      if (operandStart[next] === 1) {
        operands.push(this.parseObject());
        continue;
      }
      const start = this.bytes.offset();
      let end = start;
      while (end < this.data.length && irregular[this.data[end] as number] !== 1) end += 1;
      if (end === start) end += 1; // a stray delimiter: skip it
      this.bytes.moveTo(end);
      const operator = this.operatorText(start, end);
      if (operator === 'true' || operator === 'false' || operator === 'null') {
        operands.push(operator === 'null' ? PDFNull : operator === 'true' ? PDFBool.True : PDFBool.False);
        continue;
      }
      if (operator === 'ID') this.skipInlineImage();
      yield { operator, operands, numbers: this.values, hexDigits: this.hexDigits, start: first, end: this.bytes.offset() };
      operands = [];
      if (this.values.length > 0) this.values = [];
      if (this.hexDigits.length > 0) this.hexDigits = [];
      first = undefined;
    }
  }

  /** An operator's text; operators are few and short, so each is made once (`Tj` is read a million times in a long report). */
  private operatorText(start: number, end: number): string {
    if (end - start > 3) return String.fromCharCode(...this.data.subarray(start, end));
    let key = 0;
    for (let offset = start; offset < end; offset += 1) key = key * 256 + (this.data[offset] as number);
    let text = operatorTexts.get(key);
    if (text === undefined) {
      text = String.fromCharCode(...this.data.subarray(start, end));
      operatorTexts.set(key, text);
    }
    return text;
  }

  /** A number outside a dictionary (a coordinate, a colour), read without building its text as pdf-lib does. */
  private readNumber(): number {
    const data = this.data;
    let offset = this.bytes.offset();
    let sign = 1;
    let value = 0;
    let scale = 0;
    for (; offset < data.length; offset += 1) {
      const byte = data[offset] as number;
      if (byte >= 48 && byte <= 57) {
        value = value * 10 + (byte - 48);
        if (scale > 0) scale *= 10;
      } else if (byte === 46 && scale === 0) scale = 1;
      else if (byte === 45 && value === 0 && scale === 0) sign = -sign;
      else if (byte !== 43 || value !== 0 || scale !== 0) break;
    }
    this.bytes.moveTo(offset);
    return (sign * value) / (scale || 1);
  }

  /** An inline image's data runs to `EI` between whitespace; it is reported as its `ID` operator. */
  private skipInlineImage(): void {
    this.bytes.next();
    while (!this.bytes.done()) {
      const byte = this.bytes.next();
      const after = this.bytes.peekAhead(2) as number | undefined;
      if (irregular[byte] === 1 && this.bytes.peek() === 69 && this.bytes.peekAhead(1) === 73 && (after === undefined || irregular[after] === 1)) {
        this.bytes.next();
        this.bytes.next();
        return;
      }
    }
  }
}

/**
 * The operators of a decoded content stream, in order, each with its operands and where it lies in the bytes.
 * @param bytes the decoded stream
 * @param context the PDF's context, for the operand objects
 * @param options whether to keep numeric operands
 */
export function contentOperations(bytes: Uint8Array, context: PDFContext, options: ContentReadOptions = {}): Generator<ContentOperation> {
  return new ContentParser(bytes, context, options.numbers ?? false, options.glyphs ?? false).operations();
}

// Each hex digit's value, 16 for any other byte (whitespace, which hex strings may hold, is skipped).
const hexValues = new Uint8Array(256).fill(16);
for (let digit = 0; digit < 16; digit += 1) {
  hexValues['0123456789abcdef'.charCodeAt(digit)] = digit;
  hexValues['0123456789ABCDEF'.charCodeAt(digit)] = digit;
}

/**
 * The bytes a hex string's digits stand for (ISO 32000-1, 7.3.4.3): whitespace among them skipped, an odd last
 * digit read as followed by 0.
 * @param data the stream's bytes
 * @param start where its digits start (after `<`)
 * @param end where they end (at `>`)
 */
export function hexBytes(data: Uint8Array, start: number, end: number): Uint8Array {
  const bytes = new Uint8Array((end - start + 1) >> 1);
  let length = 0;
  let high = -1;
  for (let offset = start; offset < end; offset += 1) {
    const value = hexValues[data[offset] as number] as number;
    if (value === 16) continue;
    if (high < 0) high = value;
    else {
      bytes[length++] = (high << 4) | value;
      high = -1;
    }
  }
  if (high >= 0) bytes[length++] = high << 4;
  return length === bytes.length ? bytes : bytes.subarray(0, length);
}
