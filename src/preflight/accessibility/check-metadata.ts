import { PDFBool, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import type { Finding } from './finding.js';

/**
 * Matterhorn 06, 07 and 11: XMP metadata with dc:title (06-001, 06-003), the PDF/UA identifier (06-002),
 * DisplayDocTitle true (07-001, 07-002), and the document's natural language on the catalog (11-001).
 * @param doc the PDF
 * @returns the findings, and whether the file claims PDF/UA (pdfuaid:part)
 */
export function checkMetadata(doc: PDFDocument): { findings: Finding[]; claimsPdfUa: number | undefined } {
  const findings: Finding[] = [];
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  const xmp = stream instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(stream).decode()) : undefined;
  const part = xmp?.match(/pdfuaid:part(?:="|>)\s*(\d+)/)?.[1];
  if (xmp === undefined) findings.push({ checkpoint: '06-001', message: 'The catalog has no XMP metadata stream.' });
  else {
    if (part === undefined) findings.push({ checkpoint: '06-002', message: 'The XMP metadata does not identify the file as PDF/UA (pdfuaid:part).' });
    if (!/<dc:title>[\s\S]*?<rdf:li[^>]*>\s*[^<\s][^<]*<\/rdf:li>/.test(xmp)) findings.push({ checkpoint: '06-003', message: 'The XMP metadata has no dc:title.' });
  }
  const display = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)?.get(PDFName.of('DisplayDocTitle'));
  if (display === undefined) findings.push({ checkpoint: '07-001', message: 'ViewerPreferences has no DisplayDocTitle: viewers show the file name instead of the title.' });
  else if (display !== PDFBool.True) findings.push({ checkpoint: '07-002', message: 'DisplayDocTitle is false: viewers show the file name instead of the title.' });
  const lang = doc.catalog.get(PDFName.of('Lang'));
  const language = lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText().trim() : '';
  if (language === '') findings.push({ checkpoint: '11-001', message: 'The catalog has no /Lang: the language of the text cannot be determined.' });
  return { findings, claimsPdfUa: part === undefined ? undefined : Number(part) };
}
