import { type PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';
import { flatTree } from '../flat-tree.js';
import { descendants, type StructureNode } from './structure-node.js';

/**
 * Give every Note an ID, listed in the structure's ID tree (Matterhorn 19-003 and 19-004: a Note has a unique ID).
 * @param doc the PDF, changed in place
 * @param root the structure tree root
 * @param document the Document element
 */
export function identifyNotes(doc: PDFDocument, root: PDFDict, document: StructureNode): void {
  const notes = descendants(document).filter((node) => node.type === 'Note' && !node.dict.has(PDFName.of('ID')));
  if (notes.length === 0) return;
  const names = new Map<string, PDFObject>();
  const old = flatTree(doc.context, root.get(PDFName.of('IDTree')), 'Names');
  for (let index = 0; index + 1 < old.length; index += 2) {
    const key = old[index];
    if (key instanceof PDFString || key instanceof PDFHexString) names.set(key.decodeText(), old[index + 1] as PDFObject);
  }
  notes.forEach((note, index) => {
    let id = `note-${note.beacon?.note ?? index + 1}`;
    while (names.has(id)) id = `${id}-${index + 1}`;
    note.dict.set(PDFName.of('ID'), PDFString.of(id));
    names.set(id, note.ref);
  });
  const sorted = [...names.keys()].sort();
  root.set(PDFName.of('IDTree'), doc.context.register(doc.context.obj({ Names: sorted.flatMap((key) => [PDFString.of(key), names.get(key) as PDFObject]) })));
}
