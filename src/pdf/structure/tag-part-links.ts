import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject } from 'pdf-lib';
import type { PartLink } from '../../render/paginate.js';
import { descendants, firstPage, type StructureNode } from './structure-node.js';

/**
 * Put the link annotations `mergeParts` adds between the parts of a split document (a contents entry whose heading
 * is laid out in another part) into the structure: Chromium wrote each such link as a Link element without its
 * annotation, since the target was not in its part. On each page, the Link elements that hold no annotation take
 * the added annotations, each with a parent tree key (Matterhorn 28-011). Each annotation goes to the Link element
 * of its own link, by target (the hints name each Link's target, `nameLinkTargets`; `mergeParts` adds each link's
 * annotations, one per line, in the order of `links`). Without targets, the annotations pair with the page's Links
 * in order (those of one link share a destination), or one annotation each where only that pairs up; a page where
 * neither pairs up one to one is left as it is.
 * @param doc the PDF, changed in place
 * @param root the structure tree root
 * @param document the Document element, changed in place
 * @param partLinks the links `mergeParts` added, in the order it added them
 */
export function tagPartLinks(doc: PDFDocument, root: PDFDict, document: StructureNode, partLinks: readonly PartLink[] = []): void {
  const links = descendants(document).filter((node) => node.type === 'Link' && !node.kids.some((kid) => kid.kind === 'annotation'));
  if (links.length === 0) return;
  const targeted = links.every((link) => link.target !== undefined);
  const byTarget = new Map<string | null | undefined, StructureNode[]>();
  for (const link of links) byTarget.set(link.target, [...(byTarget.get(link.target) ?? []), link]);
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
    const attach = (link: StructureNode, refs: readonly PDFObject[]) => {
      for (const ref of refs) {
        doc.context.lookup(ref, PDFDict).set(PDFName.of('StructParent'), PDFNumber.of(nextKey));
        link.kids.push({ kind: 'annotation', objr: doc.context.obj({ Type: 'OBJR', Obj: ref, Pg: page.ref }), key: nextKey });
        nextKey += 1;
      }
    };
    const added = partLinks.filter((link) => link.page === index + 1);
    if (targeted && added.reduce((sum, link) => sum + link.rects.length, 0) === annotations.length) {
      let at = 0;
      for (const link of added) {
        const refs = annotations.slice(at, (at += link.rects.length));
        const free = (byTarget.get(link.target) ?? []).filter((node) => !node.kids.some((kid) => kid.kind === 'annotation'));
        const element = free.find((node) => firstPage(node) === index + 1) ?? free[0];
        if (element) attach(element, refs);
      }
      return;
    }
    const onPage = links.filter((link) => firstPage(link) === index + 1);
    // Neighbouring links to one destination (a work cited twice in a row) look like one link over two lines: when
    // the groups do not pair up, each annotation on its own may.
    const paired = [groups, annotations.map((ref) => [ref])].find((candidate) => candidate.length > 0 && candidate.length === onPage.length);
    if (!paired) return;
    onPage.forEach((link, at) => attach(link, paired[at] ?? []));
  });
  root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(nextKey));
}
