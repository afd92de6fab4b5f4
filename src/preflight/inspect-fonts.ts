import { PDFArray, PDFDict, type PDFDocument, PDFName } from 'pdf-lib';
import { walkPdf } from './walk-pdf.js';

/** One font of a PDF, as a print shop sees it. */
export interface FontFinding {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

/**
 * Every font in the PDF: its name, type (TrueType, Type 0, Type 3, …) and whether its program is embedded.
 * @param doc the PDF
 */
export function inspectFonts(doc: PDFDocument): FontFinding[] {
  const fonts: FontFinding[] = [];
  walkPdf(doc, (dict) => {
    if (dict.get(PDFName.of('Type')) !== PDFName.of('Font')) return;
    const subtype = dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? '?';
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') return; // counted with their Type 0 parent
    const name = dict.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '(unnamed)';
    if (subtype === 'Type3') {
      fonts.push({ name, type: 'Type 3', embedded: true });
      return;
    }
    let descriptor = dict.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    let type = subtype;
    if (subtype === 'Type0') {
      const first = dict.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
      descriptor = first?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
      type = `Type 0 (${first?.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? '?'})`;
    }
    const embedded = Boolean(descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key))));
    fonts.push({ name, type, embedded });
  });
  return fonts;
}
