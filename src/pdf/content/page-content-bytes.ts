import { inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, type PDFDocument, PDFFlateStream, PDFName, type PDFObject, PDFRawStream, type PDFPage } from 'pdf-lib';
import { knownContent, rememberContent } from './register-content-stream.js';

/**
 * A page's content as one decoded stream: the streams of its /Contents array joined with a space, since they are
 * one content stream split anywhere between tokens (ISO 32000-1, 7.8.2).
 * @param doc the PDF
 * @param page the page
 */
export function pageContentBytes(doc: PDFDocument, page: PDFPage): Uint8Array {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents ? doc.context.lookup(contents) : undefined;
  const streams: PDFObject[] = resolved instanceof PDFArray ? resolved.asArray().map((item) => doc.context.lookup(item) as PDFObject) : resolved ? [resolved] : [];
  return joinStreams(streams.map(decodedBytes));
}

/** A stream read from the file, or one pdf-lib drew into (crop marks, an injected fault). */
function decodedBytes(stream: PDFObject): Uint8Array {
  const known = knownContent(stream);
  if (known) return known;
  if (stream instanceof PDFRawStream) {
    const bytes = inflated(stream);
    rememberContent(stream, bytes);
    return bytes;
  }
  return stream instanceof PDFFlateStream ? stream.getUnencodedContents() : new Uint8Array();
}

function inflated(stream: PDFRawStream): Uint8Array {
  // Node's zlib is many times faster than pdf-lib's inflate, for the one filter Chromium and pdf-lib write.
  if (stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(stream.getContents());
    } catch {
      // A stream zlib finds damaged (a truncated end): pdf-lib's inflate reads what it can.
    }
  }
  return decodePDFRawStream(stream).decode();
}

function joinStreams(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    bytes[offset + part.length] = 32;
    offset += part.length + 1;
  }
  return bytes;
}
