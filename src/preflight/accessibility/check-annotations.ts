import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { Finding } from './finding.js';
import type { Structure } from './read-structure.js';

/**
 * Matterhorn 28: pages with annotations have /Tabs /S (28-008, 28-009); each link annotation is nested in a Link
 * element through the parent tree (28-011) and describes itself in /Contents (28-012). Also every annotation the
 * structure refers to is still on its page (ISO 32000-1, 14.7.4.3).
 * @param doc the PDF
 * @param structure the structure tree
 */
export function checkAnnotations(doc: PDFDocument, structure: Structure): Finding[] {
  const findings: Finding[] = [];
  const onPages = new Set<PDFDict>();
  // The annotations each Link element holds, by its dictionary: looked up for every link (thousands in a long report).
  const heldByLinks = new Map<PDFDict, Set<unknown>>();
  for (const element of structure.elements) {
    if (element.role !== 'Link') continue;
    const held = heldByLinks.get(element.dict) ?? new Set<unknown>();
    for (const { annotation } of element.annotations) held.add(annotation);
    heldByLinks.set(element.dict, held);
  }
  doc.getPages().forEach((page, index) => {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray().map((ref) => doc.context.lookup(ref)).filter((item): item is PDFDict => item instanceof PDFDict) ?? [];
    const number = index + 1;
    for (const annotation of annotations) onPages.add(annotation);
    if (annotations.length === 0) return;
    const tabs = page.node.lookupMaybe(PDFName.of('Tabs'), PDFName)?.decodeText();
    if (tabs === undefined) findings.push({ checkpoint: '28-008', page: number, message: 'The page has annotations but no /Tabs.' });
    else if (tabs !== 'S') findings.push({ checkpoint: '28-009', page: number, message: `The page's /Tabs is ${tabs}, not S (structure order).` });
    const links = annotations.filter((annotation) => annotation.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Link');
    const untagged = links.filter((link) => {
      const key = link.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      const owner = key === undefined ? undefined : structure.parentTree.get(key);
      return !(owner instanceof PDFDict && heldByLinks.get(owner)?.has(link));
    });
    if (untagged.length > 0) findings.push({ checkpoint: '28-011', page: number, message: `${untagged.length} link annotation(s) are not nested in a Link element.` });
    const undescribed = links.filter((link) => !describes(link.lookup(PDFName.of('Contents'))));
    if (undescribed.length > 0) findings.push({ checkpoint: '28-012', page: number, message: `${undescribed.length} link annotation(s) have no /Contents describing them.` });
  });
  for (const element of structure.elements) {
    const gone = element.annotations.filter((held) => !(held.annotation instanceof PDFDict && onPages.has(held.annotation)));
    if (gone.length > 0) findings.push({ checkpoint: 'ISO 32000-1 14.7.4.3', page: element.page, message: `A ${element.role} element refers to ${gone.length} annotation(s) that are on no page.` });
  }
  return findings;
}

function describes(value: unknown): boolean {
  return (value instanceof PDFString || value instanceof PDFHexString) && value.decodeText().trim() !== '';
}
