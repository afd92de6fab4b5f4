import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { walkPdf } from './walk-pdf.js';

/** What the colour check found. */
export interface ColourFinding {
  /** Places where DeviceRGB is used without an ICC profile governing it. */
  readonly unmanagedRgb: string[];
}

/**
 * Find RGB colour that no ICC profile manages: images and transparency groups in DeviceRGB, and content streams
 * that set RGB colours (`rg`, `RG`) where their resources define no DefaultRGB.
 * @param doc the PDF
 */
export function inspectColour(doc: PDFDocument): ColourFinding {
  const unmanagedRgb: string[] = [];
  const deviceRgb = PDFName.of('DeviceRGB');
  const hasDefaultRgb = (dict: PDFDict) => Boolean(dict.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('ColorSpace'), PDFDict)?.has(PDFName.of('DefaultRGB')));
  const usesRgbOperators = (stream: PDFRawStream) => {
    try {
      return /(^|\s)(rg|RG)(\s|$)/.test(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));
    } catch {
      return false;
    }
  };

  walkPdf(doc, (dict, stream) => {
    const type = dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() ?? dict.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
    const space = dict.get(PDFName.of('ColorSpace')) ?? dict.get(PDFName.of('CS'));
    if (space === deviceRgb && type === 'Image') unmanagedRgb.push('an image in DeviceRGB');
    if (space === deviceRgb && dict.get(PDFName.of('S')) === PDFName.of('Transparency')) unmanagedRgb.push('a transparency group in DeviceRGB');
    if (stream && type === 'Form' && !hasDefaultRgb(dict) && usesRgbOperators(stream)) unmanagedRgb.push('a form drawing RGB colours without DefaultRGB');
  });
  const rgbPages: number[] = [];
  for (const [index, page] of doc.getPages().entries()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    if (!hasDefaultRgb(page.node) && streams.some((stream) => stream instanceof PDFRawStream && usesRgbOperators(stream))) rgbPages.push(index + 1);
  }
  if (rgbPages.length > 0) unmanagedRgb.push(`${rgbPages.length === 1 ? 'page' : 'pages'} ${rgbPages.slice(0, 8).join(', ')}${rgbPages.length > 8 ? ', …' : ''} draw RGB colours without DefaultRGB`);
  return { unmanagedRgb: [...new Set(unmanagedRgb)] };
}
