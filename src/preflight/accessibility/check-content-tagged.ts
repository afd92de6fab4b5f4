import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import type { Finding } from './finding.js';
import type { PageContent } from './page-content.js';
import type { Structure, StructureElement } from './read-structure.js';

/**
 * Matterhorn 01: every painting is tagged real content or an artifact (01-005), the two do not nest in each other
 * (01-003, 01-004), and every MCID a page uses leads through the parent tree to the structure element that holds
 * it (ISO 32000-1, 14.7.4.4: a broken parent tree leaves content untagged for assistive technology).
 * @param doc the PDF
 * @param structure its structure tree
 * @param pages each page's marked content
 */
export function checkContentTagged(doc: PDFDocument, structure: Structure, pages: readonly PageContent[]): Finding[] {
  if (!structure.root || !structure.marked) return [{ checkpoint: '01-005', message: 'The document is not tagged: it has no structure tree or does not declare itself marked (MarkInfo /Marked true).' }];
  const findings: Finding[] = [];
  const owners = new Map<PDFDict, StructureElement>(structure.elements.map((element) => [element.dict, element]));
  doc.getPages().forEach((page, index) => {
    const content = pages[index];
    const number = index + 1;
    if (!content) return;
    if (content.untagged > 0) findings.push({ checkpoint: '01-005', page: number, message: `${content.untagged} painting operation(s) are neither tagged content nor artifacts (the first: \`${content.firstUntagged}\`).` });
    if (content.artifactInTagged > 0) findings.push({ checkpoint: '01-003', page: number, message: `${content.artifactInTagged} artifact(s) inside tagged content.` });
    if (content.taggedInArtifact > 0) findings.push({ checkpoint: '01-004', page: number, message: `${content.taggedInArtifact} tagged sequence(s) inside an artifact.` });
    if (content.mcids.length === 0) return;
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const entry = key === undefined ? undefined : structure.parentTree.get(key);
    const broken = content.mcids.filter((mcid) => {
      const owner = entry instanceof PDFArray ? owners.get(doc.context.lookup(entry.get(mcid)) as PDFDict) : undefined;
      return !owner?.mcids.some((held) => held.mcid === mcid && (held.page ?? number) === number);
    });
    if (broken.length > 0) findings.push({ checkpoint: 'ISO 32000-1 14.7.4.4', page: number, message: `${broken.length} marked-content id(s) lead through the parent tree to no structure element that holds them (MCID ${broken.slice(0, 5).join(', ')}).` });
  });
  return findings;
}
