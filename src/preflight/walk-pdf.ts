import { PDFArray, PDFDict, type PDFDocument, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * Visit every dictionary and stream dictionary reachable in a PDF once, with the key it was found under.
 * @param doc the PDF
 * @param visit called with each dictionary (for a stream, its dictionary and the stream)
 */
export function walkPdf(doc: PDFDocument, visit: (dict: PDFDict, stream: PDFRawStream | undefined) => void): void {
  const seen = new Set<PDFObject>();
  const walk = (object: PDFObject | undefined): void => {
    if (!object || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFRef) return walk(doc.context.lookup(object));
    if (object instanceof PDFRawStream) {
      visit(object.dict, object);
      for (const [, value] of object.dict.entries()) walk(value);
    } else if (object instanceof PDFDict) {
      visit(object, undefined);
      for (const [, value] of object.entries()) walk(value);
    } else if (object instanceof PDFArray) {
      for (let index = 0; index < object.size(); index += 1) walk(object.get(index));
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) walk(object);
}
