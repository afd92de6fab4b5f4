import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import type { StructureKid, StructureNode } from './structure-node.js';

/** A PDF's structure tree read for rewriting: its root dictionary, the Document element, and page numbers by page. */
export interface StructureTree {
  readonly root: PDFDict;
  readonly document: StructureNode;
  /** 1-based page number by page reference (as a string). */
  readonly pageNumbers: ReadonlyMap<string, number>;
}

/**
 * Read a tagged PDF's structure tree into nodes that can be rewritten (see `writeStructureTree`); undefined when the
 * file has none, or its root is not one element (Chromium's Document) held by reference.
 * @param doc the PDF
 */
export function readStructureTree(doc: PDFDocument): StructureTree | undefined {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const top = root?.get(PDFName.of('K'));
  const documentRef = top instanceof PDFArray && top.size() === 1 ? top.get(0) : top;
  if (!root || !(documentRef instanceof PDFRef)) return undefined;
  const pageNumbers = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pageOf = (dict: PDFDict, inherited: number | undefined) => {
    const ref = dict.get(PDFName.of('Pg'));
    return (ref instanceof PDFRef ? pageNumbers.get(ref.toString()) : undefined) ?? inherited;
  };
  const seen = new Set<string>();
  const read = (ref: PDFRef, inherited: number | undefined): StructureNode | undefined => {
    const dict = doc.context.lookup(ref);
    if (!(dict instanceof PDFDict) || seen.has(ref.toString())) return undefined;
    seen.add(ref.toString());
    const page = pageOf(dict, inherited);
    const kids: StructureKid[] = [];
    const add = (object: PDFObject | undefined): void => {
      if (object instanceof PDFArray) {
        for (const item of object.asArray()) add(item);
      } else if (object instanceof PDFNumber) {
        if (page !== undefined) kids.push({ kind: 'content', page, mcid: object.asNumber() });
      } else if (object instanceof PDFRef) {
        const value = doc.context.lookup(object);
        if (value instanceof PDFDict && value.get(PDFName.of('Type')) === PDFName.of('OBJR')) add(value);
        else {
          const node = read(object, page);
          if (node) kids.push(node);
        }
      } else if (object instanceof PDFDict) {
        const type = object.get(PDFName.of('Type'));
        if (type === PDFName.of('MCR')) {
          const mcid = object.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber();
          const at = pageOf(object, page);
          if (mcid !== undefined && at !== undefined) kids.push({ kind: 'content', page: at, mcid });
        } else if (type === PDFName.of('OBJR')) {
          const annotation = object.lookupMaybe(PDFName.of('Obj'), PDFDict);
          kids.push({ kind: 'annotation', objr: object, key: annotation?.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber() });
        }
      }
    };
    add(dict.get(PDFName.of('K')));
    return { kind: 'element', ref, dict, type: dict.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? 'NonStruct', kids };
  };
  const document = read(documentRef, undefined);
  return document ? { root, document, pageNumbers } : undefined;
}
