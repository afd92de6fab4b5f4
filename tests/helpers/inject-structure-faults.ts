import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

/** The structure elements of a type, in the file's object order, with the 1-based page of each (0 when it has none). */
function elementsOf(doc: PDFDocument, type: string): { dict: PDFDict; page: number }[] {
  const pages = doc.getPages().map((page) => page.ref);
  const found: { dict: PDFDict; page: number }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of(type)) found.push({ dict: object, page: pages.findIndex((ref) => ref === object.get(PDFName.of('Pg'))) + 1 });
  }
  return found;
}

/**
 * Change the type of the first structure element of a type (a TOCI to P, an LBody to P, …).
 * @param pdf the PDF
 * @param from the type to change
 * @param to the type it becomes
 */
export async function retypeElement(pdf: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const [first] = elementsOf(doc, from);
  if (!first) throw new Error(`No ${from} element to change.`);
  first.dict.set(PDFName.of('S'), PDFName.of(to));
  return doc.save();
}

/**
 * Take the ID from the first Note, or (with `duplicate`) give the second Note the first's ID.
 * @param pdf the PDF
 * @param duplicate copy the first Note's ID to the second instead of removing it
 */
export async function spoilNoteId(pdf: Uint8Array, duplicate = false): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const [first, second] = elementsOf(doc, 'Note');
  if (!first || !second) throw new Error('Fewer than two Notes.');
  const id = first.dict.get(PDFName.of('ID'));
  if (duplicate && id) second.dict.set(PDFName.of('ID'), id);
  else first.dict.delete(PDFName.of('ID'));
  return doc.save();
}

