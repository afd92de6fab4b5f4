import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNull, PDFNumber, type PDFObject, type PDFRawStream, PDFRef } from 'pdf-lib';
import { registerContentStream } from '../content/register-content-stream.js';
import type { PageBox, PageSummary } from '../../render/browser/inspect-layout.js';
import { flatTree } from '../flat-tree.js';
import type { PageRegions } from './artifact-kind.js';
import { markPageArtifacts } from './mark-page-artifacts.js';
import { referencedMcids } from './referenced-mcids.js';

/** Chromium prints one CSS pixel as ¾ point. */
const pointsPerPixel = 0.75;

/**
 * Make every painting tagged content or an artifact, after the structure step: running heads and folios (text in
 * the page margins) become pagination artifacts, rules, leaders, backgrounds and decorative images layout artifacts,
 * and content whose MCID the structure no longer holds an artifact without its parent tree entry. Untagged text
 * inside the page area stays untagged, for the preflight to report. Runs before press preparation.
 * @param doc the PDF, changed in place
 * @param pages the laid-out pages, in the PDF's order, for their areas and decorative images
 */
export function markArtifacts(doc: PDFDocument, pages: readonly PageSummary[]): void {
  const held = referencedMcids(doc);
  const forms = new Map<PDFRawStream, boolean>();
  const none = new Set<number>();
  const tagged = doc.catalog.has(PDFName.of('StructTreeRoot'));
  const used = doc.getPages().flatMap((page) => contentRefs(doc, page.node.get(PDFName.of('Contents'))));
  const shared = new Set(used.filter((ref, index) => used.indexOf(ref) !== index));
  doc.getPages().forEach((page, index) => {
    const { x, y, height } = page.getMediaBox();
    const toPoints = (box: PageBox): PageBox => ({ left: x + box.left * pointsPerPixel, right: x + box.right * pointsPerPixel, top: y + height - box.top * pointsPerPixel, bottom: y + height - box.bottom * pointsPerPixel });
    const summary = pages[index];
    const regions: PageRegions = { area: summary?.area ? toPoints(summary.area) : undefined, decorative: (summary?.decorative ?? []).map(toPoints) };
    // An untagged PDF has no structure to hold MCIDs: its marked content is left as it is.
    const marked = markPageArtifacts(doc, page, regions, tagged ? held.get(page.ref) ?? none : undefined, forms);
    if (!marked.bytes) return;
    const old = contentRefs(doc, page.node.get(PDFName.of('Contents')));
    page.node.set(PDFName.of('Contents'), registerContentStream(doc, marked.bytes));
    // The old streams would otherwise be saved too, unused; a stream another page draws stays.
    for (const ref of old) if (!shared.has(ref)) doc.context.delete(ref);
    if (marked.dropped.length > 0) forgetParents(doc, page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber(), marked.dropped);
  });
}

/** The references a page's /Contents is made of: the stream or array, and the array's streams. */
function contentRefs(doc: PDFDocument, contents: PDFObject | undefined): PDFRef[] {
  const resolved = contents ? doc.context.lookup(contents) : undefined;
  const items = resolved instanceof PDFArray ? resolved.asArray() : [];
  return [contents, ...items].filter((item): item is PDFRef => item instanceof PDFRef);
}

/** Empty the parent tree's slots of MCIDs that became artifacts. */
function forgetParents(doc: PDFDocument, key: number | undefined, mcids: readonly number[]): void {
  if (key === undefined) return;
  const entries = flatTree(doc.context, doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.get(PDFName.of('ParentTree')), 'Nums');
  for (let index = 0; index < entries.length; index += 2) {
    const number = entries[index];
    const parents = doc.context.lookup(entries[index + 1]);
    if (!(number instanceof PDFNumber) || number.asNumber() !== key || !(parents instanceof PDFArray)) continue;
    for (const mcid of mcids) if (mcid < parents.size()) parents.set(mcid, PDFNull);
  }
}
