import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { flatTree } from './flat-tree.js';
import { walkPdf } from '../preflight/walk-pdf.js';

/**
 * Take annotations that are on no page any more (the press step removes links) out of the structure: the object
 * references that pointed at them and their parent tree entries, so no element refers to what is gone.
 * @param doc the PDF, changed in place
 */
export function unlinkRemovedAnnotations(doc: PDFDocument): void {
  const onPages = new Set(doc.getPages().flatMap((page) => page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray().map((ref) => doc.context.lookup(ref)) ?? []));
  const removedKeys = new Set<number>();
  const isGone = (kid: unknown): boolean => {
    const reference = kid instanceof PDFDict ? kid : undefined;
    if (reference?.get(PDFName.of('Type')) !== PDFName.of('OBJR')) return false;
    const target = doc.context.lookup(reference.get(PDFName.of('Obj')));
    if (onPages.has(target)) return false;
    const key = target instanceof PDFDict ? target.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber() : undefined;
    if (key !== undefined) removedKeys.add(key);
    return true;
  };
  walkPdf(doc, (dict) => {
    if (dict.get(PDFName.of('Type')) !== PDFName.of('StructElem')) return;
    const kids = dict.lookup(PDFName.of('K'));
    if (kids instanceof PDFArray) {
      for (let index = kids.size() - 1; index >= 0; index -= 1) if (isGone(doc.context.lookup(kids.get(index)))) kids.remove(index);
    } else if (isGone(kids)) dict.delete(PDFName.of('K'));
  });
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root || removedKeys.size === 0) return;
  const entries = flatTree(doc.context, root.get(PDFName.of('ParentTree')), 'Nums');
  const kept = entries.filter((_, index) => {
    const key = entries[index - (index % 2)];
    return !(key instanceof PDFNumber && removedKeys.has(key.asNumber()));
  });
  root.set(PDFName.of('ParentTree'), doc.context.obj({ Nums: kept }));
}
