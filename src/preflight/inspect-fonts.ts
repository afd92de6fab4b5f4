import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { walkPdf } from './walk-pdf.js';

/** One font of a PDF, as a print shop sees it. */
export interface FontFinding {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  /** The pages (1-based) that use it, directly or through a form. */
  readonly pages: readonly number[];
}

/**
 * Every font in the PDF: its name, type (TrueType, Type 0, Type 3, …) and whether its program is embedded.
 * @param doc the PDF
 */
export function inspectFonts(doc: PDFDocument): FontFinding[] {
  const fonts: FontFinding[] = [];
  const used = fontPages(doc);
  walkPdf(doc, (dict) => {
    const pages = used.get(dict) ?? [];
    if (dict.get(PDFName.of('Type')) !== PDFName.of('Font')) return;
    const subtype = dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? '?';
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') return; // counted with their Type 0 parent
    const name = dict.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '(unnamed)';
    if (subtype === 'Type3') {
      fonts.push({ name, type: 'Type 3', embedded: true, pages });
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
    fonts.push({ name, type, embedded, pages });
  });
  return fonts;
}

/** Which pages use each font dictionary: a page's own resources, and those of the forms it draws. */
function fontPages(doc: PDFDocument): Map<PDFDict, number[]> {
  const pages = new Map<PDFDict, number[]>();
  doc.getPages().forEach((page, index) => {
    const seen = new Set<PDFDict>();
    const visit = (resources: PDFDict | undefined) => {
      if (!resources || seen.has(resources)) return;
      seen.add(resources);
      const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
      for (const [, ref] of fonts?.entries() ?? []) {
        const font = doc.context.lookup(ref);
        if (font instanceof PDFDict && !pages.get(font)?.includes(index + 1)) pages.set(font, [...(pages.get(font) ?? []), index + 1]);
      }
      for (const [, ref] of resources.lookupMaybe(PDFName.of('XObject'), PDFDict)?.entries() ?? []) {
        const form = doc.context.lookup(ref);
        if (form instanceof PDFRawStream) visit(form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict));
      }
    };
    visit(page.node.Resources());
  });
  return pages;
}
