import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNull, PDFNumber, StandardFonts } from 'pdf-lib';

/**
 * Paint a line of text outside any marked content, as a tool that knows nothing of tagging would.
 * @param pdf the PDF
 * @param page the 0-based page
 */
export async function addUntaggedText(pdf: Uint8Array, page: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.getPage(page).drawText('untagged', { x: 20, y: 20, size: 8, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

/**
 * Remove the alt text of the first Figure that has one.
 * @param pdf the PDF
 * @returns the changed PDF and the Figure's page (1-based)
 */
export async function removeFigureAlt(pdf: Uint8Array): Promise<{ pdf: Uint8Array; page: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages().map((page) => page.ref);
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('Figure') && object.has(PDFName.of('Alt'))) {
      object.delete(PDFName.of('Alt'));
      return { pdf: await doc.save(), page: pages.findIndex((ref) => ref === object.get(PDFName.of('Pg'))) + 1 };
    }
  }
  throw new Error('No Figure with alt text to remove.');
}

/**
 * Cut a page's content loose from the structure: its parent tree entry then names no element for any MCID.
 * @param pdf the PDF
 * @param page the 0-based page
 */
export async function breakParentTree(pdf: Uint8Array, page: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const key = doc.getPage(page).node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber();
  const tree = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('ParentTree'), PDFDict);
  const nums = tree.lookup(PDFName.of('Nums'), PDFArray);
  for (let index = 0; index < nums.size(); index += 2) {
    if ((nums.lookup(index, PDFNumber)).asNumber() !== key) continue;
    const elements = nums.lookup(index + 1, PDFArray);
    for (let mcid = 0; mcid < elements.size(); mcid += 1) elements.set(mcid, PDFNull);
  }
  return doc.save();
}
