import { PDFDict, type PDFDocument } from 'pdf-lib';
import { descendants, type StructureNode } from './structure-node.js';

/**
 * Give every list item an LBody (Chromium writes the marker as Lbl and the item's content straight into the LI):
 * LI > Lbl + LBody, the content in the LBody, as ISO 32000-1 Table 336 and Matterhorn 09-005 want.
 * @param doc the PDF, for the new elements' dictionaries
 * @param document the Document element, changed in place
 */
export function wrapListBodies(doc: PDFDocument, document: StructureNode): void {
  for (const item of descendants(document)) {
    if (item.type !== 'LI') continue;
    const labels = item.kids.findIndex((kid) => kid.kind !== 'element' || kid.type !== 'Lbl');
    if (labels === -1) continue;
    const body = item.kids.slice(labels);
    if (body.length === 1 && body[0]?.kind === 'element' && body[0].type === 'LBody') continue;
    const dict = doc.context.obj({ Type: 'StructElem', S: 'LBody' });
    const node: StructureNode = { kind: 'element', ref: doc.context.register(dict), dict: dict as PDFDict, type: 'LBody', kids: body };
    item.kids = [...item.kids.slice(0, labels), node];
  }
}
