import { PDFDict, type PDFDocument, PDFName } from 'pdf-lib';
import { walkPdf } from '../preflight/walk-pdf.js';

/** Types Chromium writes from PDF 2.0 (ISO 32000-2), and the PDF 1.7 type each stands for. */
const pdf17Roles: Readonly<Record<string, string>> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'P', Aside: 'Div', FENote: 'Note', DocumentFragment: 'Div' };

/**
 * Role-map the PDF 2.0 structure types Chromium writes (Strong, Em, …) to PDF 1.7 standard types, which a PDF 1.7
 * file needs (PDF/UA-1, Matterhorn 02-001); only the types the file uses are mapped.
 * @param doc the PDF, changed in place
 */
export function mapStructureRoles(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const used = new Set<string>();
  walkPdf(doc, (dict) => {
    const type = dict.get(PDFName.of('S'));
    if (type instanceof PDFName && dict.get(PDFName.of('Type')) === PDFName.of('StructElem')) used.add(type.decodeText());
  });
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? doc.context.obj({});
  for (const [type, role] of Object.entries(pdf17Roles)) if (used.has(type) && !roleMap.has(PDFName.of(type))) roleMap.set(PDFName.of(type), PDFName.of(role));
  if (roleMap.keys().length > 0) root.set(PDFName.of('RoleMap'), roleMap);
}
