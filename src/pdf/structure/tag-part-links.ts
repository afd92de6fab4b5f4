import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { descendants, firstPage, type StructureNode } from './structure-node.js';

/**
 * Put the link annotations `mergeParts` adds between the parts of a split document (a contents entry whose heading
 * is laid out in another part) into the structure: Chromium wrote each such link as a Link element without its
 * annotation, since the target was not in its part. On each page, the Link elements that hold no annotation take
 * the added annotations in order (those of one link, one per line, share a destination), each with a parent tree
 * key (Matterhorn 28-011); where the groups do not pair up but single annotations do (two neighbouring links to one
 * destination), one annotation each. A page where neither pairs up one to one is left as it is.
 * @param doc the PDF, changed in place
 * @param root the structure tree root
 * @param document the Document element, changed in place
 */
export function tagPartLinks(doc: PDFDocument, root: PDFDict, document: StructureNode): void {
  const links = descendants(document).filter((node) => node.type === 'Link' && !node.kids.some((kid) => kid.kind === 'annotation'));
  if (links.length === 0) return;
  let nextKey = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
  doc.getPages().forEach((page, index) => {
    const annotations = (page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).filter((ref) => {
      const annotation = doc.context.lookup(ref);
      return annotation instanceof PDFDict && annotation.get(PDFName.of('Subtype')) === PDFName.of('Link') && !annotation.has(PDFName.of('StructParent'));
    });
    const groups: (typeof annotations)[] = [];
    let previous = '';
    for (const ref of annotations) {
      const destination = String(doc.context.lookup(ref, PDFDict).get(PDFName.of('Dest')));
      if (destination !== previous || groups.length === 0) groups.push([]);
      groups.at(-1)?.push(ref);
      previous = destination;
    }
    const onPage = links.filter((link) => firstPage(link) === index + 1);
    // Neighbouring links to one destination (a work cited twice in a row) look like one link over two lines: when
    // the groups do not pair up, each annotation on its own may.
    const paired = [groups, annotations.map((ref) => [ref])].find((candidate) => candidate.length > 0 && candidate.length === onPage.length);
    if (!paired) return;
    onPage.forEach((link, at) => {
      for (const ref of paired[at] ?? []) {
        doc.context.lookup(ref, PDFDict).set(PDFName.of('StructParent'), PDFNumber.of(nextKey));
        link.kids.push({ kind: 'annotation', objr: doc.context.obj({ Type: 'OBJR', Obj: ref, Pg: page.ref }), key: nextKey });
        nextKey += 1;
      }
    });
  });
  root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(nextKey));
}
