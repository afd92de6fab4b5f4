import { deflateSync } from 'node:zlib';
import { type PDFDocument, type PDFObject, type PDFRef, PDFRawStream } from 'pdf-lib';

// Each content stream's decoded bytes while the stream lives: the finishing passes read a page up to three times.
const decoded = new WeakMap<PDFObject, Uint8Array>();

/**
 * Register a page content stream Folio rewrote (`/Filter /FlateDecode`), compressed only when the file is saved: a
 * page the artifact pass rewrites is often rewritten again by the hyphen pass, and its first stream, deleted then,
 * is never compressed at all. The bytes compress as they would have at once (same zlib, same settings).
 * @param doc the PDF
 * @param bytes the decoded content
 * @returns the new stream's reference
 */
export function registerContentStream(doc: PDFDocument, bytes: Uint8Array): PDFRef {
  const stream = doc.context.stream(new Uint8Array(), { Filter: 'FlateDecode' });
  let deflated: Uint8Array | undefined;
  // pdf-lib reads `contents` itself (the writer, `decodePDFRawStream`), so the property computes it when first read.
  Object.defineProperty(stream, 'contents', { get: () => (deflated ??= deflateSync(bytes)), enumerable: true, configurable: true });
  decoded.set(stream, bytes);
  return doc.context.register(stream);
}

/**
 * A content stream's decoded bytes when they are known: those of a stream Folio registered, or remembered (`remember`).
 * @param stream the stream
 */
export function knownContent(stream: PDFObject): Uint8Array | undefined {
  return decoded.get(stream);
}

/**
 * Remember a stream's decoded bytes for the next pass that reads it (the stream must not change).
 * @param stream a stream read from the file
 * @param bytes its decoded bytes
 */
export function rememberContent(stream: PDFRawStream, bytes: Uint8Array): void {
  decoded.set(stream, bytes);
}
