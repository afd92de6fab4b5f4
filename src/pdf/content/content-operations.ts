import { PDFBool, type PDFContext, type PDFDict, PDFHexString, PDFNull, PDFNumber, type PDFObject, PDFObjectParser } from 'pdf-lib';

// pdf-lib exports its object parser but not the byte stream it reads from.
import byteStream from 'pdf-lib/cjs/core/parser/ByteStream.js';

const { default: ByteStream } = byteStream;

/** One operator of a content stream with its operands. */
export interface ContentOperation {
  readonly operator: string;
  readonly operands: readonly PDFObject[];
  /** Where the operation starts (its first operand) and ends (after its operator) in the stream's bytes. */
  readonly start: number;
  readonly end: number;
}

/** What to read besides the operators. */
export interface ContentReadOptions {
  /** Keep numeric operands (for positions); otherwise they are all read as 0, which is faster. */
  readonly numbers?: boolean;
}

// Whitespace and delimiters end an operator (ISO 32000-1, 7.2.2).
const irregular = new Set([0, 9, 10, 12, 13, 32, 40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);
const skipped = PDFNumber.of(0);
const skippedText = PDFHexString.of('');
const operandStart = new Set([40, 47, 60, 91, 43, 45, 46, ...'0123456789'.split('').map((digit) => digit.charCodeAt(0))]);

/**
 * pdf-lib's object parser reads the operands. Content streams never hold references, so `0 1 RG` stays numbers;
 * and only dictionaries' values are kept (a BDC's MCID): glyph strings and coordinates are skipped, not built,
 * which makes reading a page several times faster.
 */
class ContentParser extends PDFObjectParser {
  private inDict = 0;

  constructor(bytes: Uint8Array, context: PDFContext, private readonly numbers: boolean) {
    super(ByteStream.of(bytes), context);
  }

  protected override parseNumberOrRef(): PDFNumber {
    const value = this.parseRawNumber();
    return this.inDict > 0 || this.numbers ? PDFNumber.of(value) : skipped;
  }

  protected override parseHexString(): PDFHexString {
    if (this.inDict > 0) return super.parseHexString();
    while (!this.bytes.done() && this.bytes.next() !== 62);
    return skippedText;
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
      if (operandStart.has(this.bytes.peek())) {
        operands.push(this.parseObject());
        continue;
      }
      const start = this.bytes.offset();
      while (!this.bytes.done() && !irregular.has(this.bytes.peek())) this.bytes.next();
      if (this.bytes.offset() === start) this.bytes.next(); // a stray delimiter: skip it
      const operator = String.fromCharCode(...this.bytes.slice(start, this.bytes.offset()));
      if (operator === 'true' || operator === 'false' || operator === 'null') {
        operands.push(operator === 'null' ? PDFNull : operator === 'true' ? PDFBool.True : PDFBool.False);
        continue;
      }
      if (operator === 'ID') this.skipInlineImage();
      yield { operator, operands, start: first, end: this.bytes.offset() };
      operands = [];
      first = undefined;
    }
  }

  /** An inline image's data runs to `EI` between whitespace; it is reported as its `ID` operator. */
  private skipInlineImage(): void {
    this.bytes.next();
    while (!this.bytes.done()) {
      const byte = this.bytes.next();
      const after = this.bytes.peekAhead(2) as number | undefined;
      if (irregular.has(byte) && this.bytes.peek() === 69 && this.bytes.peekAhead(1) === 73 && (after === undefined || irregular.has(after))) {
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
  return new ContentParser(bytes, context, options.numbers ?? false).operations();
}
