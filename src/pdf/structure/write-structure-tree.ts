import { PDFArray, type PDFDocument, PDFName, PDFNull, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import { flatTree } from '../flat-tree.js';
import type { StructureTree } from './read-structure-tree.js';
import type { StructureNode } from './structure-node.js';

/**
 * Write a rewritten structure tree back into its PDF: every element's type, parent, kids and page, and a parent
 * tree made again from where the tree now holds each MCID and annotation. An MCID no element holds any more (a
 * repeated header row, a decorative image) gets no parent (null), for the artifact step to mark as an artifact.
 * @param doc the PDF, changed in place
 * @param tree the tree read by `readStructureTree`, rewritten
 */
export function writeStructureTree(doc: PDFDocument, tree: StructureTree): void {
  const pages = doc.getPages();
  const holders = new Map<number, Map<number, PDFRef>>();
  const annotationHolders = new Map<number, PDFRef>();
  const write = (node: StructureNode, parent: PDFRef): void => {
    const own = node.kids.find((kid) => kid.kind === 'content');
    const pageRef = own ? pages[own.page - 1]?.ref : undefined;
    if (pageRef) node.dict.set(PDFName.of('Pg'), pageRef);
    const kids: PDFObject[] = node.kids.map((kid) => {
      if (kid.kind === 'element') return kid.ref;
      if (kid.kind === 'annotation') {
        if (kid.key !== undefined) annotationHolders.set(kid.key, node.ref);
        return kid.objr;
      }
      const byMcid = holders.get(kid.page) ?? new Map<number, PDFRef>();
      holders.set(kid.page, byMcid.set(kid.mcid, node.ref));
      return own?.page === kid.page ? PDFNumber.of(kid.mcid) : doc.context.obj({ Type: 'MCR', Pg: pages[kid.page - 1]?.ref ?? null, MCID: kid.mcid });
    });
    node.dict.set(PDFName.of('S'), PDFName.of(node.type));
    node.dict.set(PDFName.of('P'), parent);
    if (kids.length === 1 && kids[0] instanceof PDFRef) node.dict.set(PDFName.of('K'), kids[0]);
    else node.dict.set(PDFName.of('K'), doc.context.obj(kids));
    for (const kid of node.kids) if (kid.kind === 'element') write(kid, node.ref);
  };
  const rootRef = doc.catalog.get(PDFName.of('StructTreeRoot'));
  if (!(rootRef instanceof PDFRef)) return;
  write(tree.document, rootRef);
  tree.root.set(PDFName.of('K'), tree.document.ref);

  const old = flatTree(doc.context, tree.root.get(PDFName.of('ParentTree')), 'Nums');
  const entries = new Map<number, PDFObject>();
  for (let index = 0; index + 1 < old.length; index += 2) {
    const key = old[index];
    if (key instanceof PDFNumber) entries.set(key.asNumber(), old[index + 1] as PDFObject);
  }
  pages.forEach((page, index) => {
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    if (key === undefined) return;
    const byMcid = holders.get(index + 1) ?? new Map<number, PDFRef>();
    const before = entries.get(key);
    const length = Math.max((before ? doc.context.lookupMaybe(before, PDFArray)?.size() : 0) ?? 0, ...[...byMcid.keys()].map((mcid) => mcid + 1));
    entries.set(key, doc.context.obj(Array.from({ length }, (_, mcid) => byMcid.get(mcid) ?? PDFNull)));
  });
  for (const [key, ref] of annotationHolders) entries.set(key, ref);
  const nums = [...entries.keys()].sort((a, b) => a - b).flatMap((key) => [PDFNumber.of(key), entries.get(key) as PDFObject]);
  tree.root.set(PDFName.of('ParentTree'), doc.context.register(doc.context.obj({ Nums: nums })));
}
