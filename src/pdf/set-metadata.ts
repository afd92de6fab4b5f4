import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import type { ReportConfig } from '../config/report-schema.js';
import { reportAuthor } from '../config/report-author.js';
import { setXmpMetadata } from './set-xmp-metadata.js';

/**
 * Write the document information (title, author, subject, keywords, language, dates) into the PDF, and ask
 * viewers to show the title rather than the file name. Dates come from the caller, never from the clock.
 * @param doc the PDF, changed in place
 * @param config report.yaml
 * @param date creation and modification date; without one, the browser's clock-based dates are removed
 * @param pdfua the PDF/UA part to claim, only for a file that is checked to meet it
 */
export function setMetadata(doc: PDFDocument, config: ReportConfig, date: Date | undefined, pdfua?: number): void {
  doc.setTitle(config.title, { showInWindowTitleBar: true });
  const author = reportAuthor(config);
  if (author) doc.setAuthor(author);
  if (config.subject) doc.setSubject(config.subject);
  // pdf-lib's setKeywords joins them with spaces, which runs "border markets" and "trade" together: a comma and a
  // space, as word processors and hyperref write them, keep each keyword (of several words) apart.
  // (The information dictionary is there: setTitle made it.)
  if (config.keywords) doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('Keywords'), PDFHexString.fromText(config.keywords.join(', ')));
  doc.setLanguage(config.language);
  doc.setCreator('Folio');
  doc.setProducer('Folio (Chromium, Paged.js, pdf-lib)');
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  } else {
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  setXmpMetadata(doc, { title: config.title, author, language: config.language, date, pdfua });
}
