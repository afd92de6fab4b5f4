import type { PDFDocument } from 'pdf-lib';
import type { StructureHints } from '../../render/browser/mark-structure.js';
import type { PartLink } from '../../render/paginate.js';
import { contentsAsToc } from './contents-as-toc.js';
import { fillCellHeaders } from './fill-cell-headers.js';
import { identifyNotes } from './identify-notes.js';
import { joinSplitElements } from './join-split-elements.js';
import { nameLinkTargets } from './name-link-targets.js';
import { nameMarkedElements } from './name-marked-elements.js';
import { placeNotes } from './place-notes.js';
import { readStructureTree } from './read-structure-tree.js';
import { tagPartLinks } from './tag-part-links.js';
import { wrapListBodies } from './wrap-list-bodies.js';
import { writeStructureTree } from './write-structure-tree.js';

/**
 * Rewrite the structure tree Chromium wrote into the one PDF/UA wants, with what the laid-out pages said about it:
 * a Sect for each chapter and front or back matter section, the contents as TOC > TOCI, each footnote a Note (with
 * an ID) after its call, one element for each element split across pages (a table's continued cells naming their
 column headers), the links between the parts of a split document in their Link elements, and LI > Lbl + LBody. Only the
 * structure changes (the tree, its parent tree and ID tree), never the pages' content.
 * @param doc the PDF (the parts already merged), changed in place
 * @param hints each part's hints, in order (see `markStructure`)
 * @param links the links `mergeParts` added between the parts, in the order it added them
 */
export function rewriteStructure(doc: PDFDocument, hints: readonly StructureHints[], links: readonly PartLink[] = []): void {
  const tree = readStructureTree(doc);
  if (!tree || hints.length === 0) return;
  nameLinkTargets(tree.document, hints.flatMap((part) => part.links));
  nameMarkedElements(tree.document, hints.flatMap((part) => part.beacons));
  placeNotes(tree.document);
  const continued = hints.flatMap((part) => part.continued);
  if (continued.length === doc.getPageCount()) joinSplitElements(tree.document, continued);
  fillCellHeaders(tree.document);
  tagPartLinks(doc, tree.root, tree.document, links);
  contentsAsToc(tree.document);
  wrapListBodies(doc, tree.document);
  identifyNotes(doc, tree.root, tree.document);
  writeStructureTree(doc, tree);
}
