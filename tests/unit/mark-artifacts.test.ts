import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, StandardFonts, rgb } from 'pdf-lib';
import { pageContentBytes } from '../../src/pdf/content/page-content-bytes.js';
import { markArtifacts } from '../../src/pdf/tagging/mark-artifacts.js';
import { preflightAccessibility } from '../../src/preflight/accessibility/preflight-accessibility.js';
import { readPageContent } from '../../src/preflight/accessibility/page-content.js';
import type { PageSummary } from '../../src/render/browser/inspect-layout.js';
import { minimalTaggedPdf } from '../helpers/tagged-pdf.js';

// The 200 × 200 pt test page with a 20 pt margin, in CSS pixels (¾ pt) from its top left, as the layout reports it.
const px = (points: number) => points / 0.75;
const layout = (decorative: PageSummary['decorative'] = []): PageSummary[] => [
  { number: 1, names: [], headings: [], fingerprint: '', area: { left: px(20), top: px(20), right: px(180), bottom: px(180) }, decorative },
];

async function withUntaggedPaintings(): Promise<PDFDocument> {
  const doc = await PDFDocument.load(await minimalTaggedPdf(), { updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.getPage(0);
  page.drawText('Running head', { x: 30, y: 188, size: 6, font });
  page.drawText('7', { x: 100, y: 6, size: 6, font });
  page.drawLine({ start: { x: 20, y: 185 }, end: { x: 180, y: 185 }, thickness: 0.5, color: rgb(0, 0, 0) });
  page.drawText('A sentence of the report', { x: 30, y: 30, size: 6, font });
  return doc;
}

const artifacts = (doc: PDFDocument) => [...Buffer.from(pageContentBytes(doc, doc.getPage(0))).toString('latin1').matchAll(/\/Artifact (<<[^>]*>> BDC|BMC)/g)].map((match) => match[1]);

test('running heads and folios become pagination artifacts and rules layout artifacts; text in the page area stays untagged', async () => {
  const doc = await withUntaggedPaintings();
  assert.equal(readPageContent(doc, doc.getPage(0)).untagged, 4);
  markArtifacts(doc, layout());
  assert.deepEqual(artifacts(doc), ['<</Type /Pagination /Subtype /Header>> BDC', '<</Type /Pagination /Subtype /Footer>> BDC', '<</Type /Layout>> BDC']);
  const report = await preflightAccessibility(await doc.save());
  assert.deepEqual(report.findings.map((finding) => [finding.checkpoint, finding.page, finding.message]), [
    ['01-005', 1, '1 painting operation(s) are neither tagged content nor artifacts (the first: `Tj`).'],
    ['06-002', undefined, 'The file claims PDF/UA-1 but fails 1 checkpoint(s).'],
  ]);
});

test("a decorative image's lettering becomes a layout artifact", async () => {
  const doc = await withUntaggedPaintings();
  markArtifacts(doc, layout([{ left: px(25), top: px(160), right: px(120), bottom: px(175) }]));
  assert.equal(readPageContent(doc, doc.getPage(0)).untagged, 0);
  assert.deepEqual((await preflightAccessibility(await doc.save())).findings, []);
});

test('content whose structure element is gone becomes an artifact and leaves the parent tree', async () => {
  const doc = await PDFDocument.load(await minimalTaggedPdf(), { updateMetadata: false });
  // What the structure step does to a decorative image: the element goes, its MCID stays in the content.
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  root.lookup(PDFName.of('K'), PDFDict).set(PDFName.of('K'), doc.context.obj([]));
  markArtifacts(doc, layout());
  assert.deepEqual(artifacts(doc), ['BMC']);
  const parents = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).lookup(1, PDFArray);
  assert.equal(parents.get(0).toString(), 'null');
  assert.deepEqual((await preflightAccessibility(await doc.save())).findings, []);
});

test('a page with nothing untagged keeps its content stream', async () => {
  const doc = await PDFDocument.load(await minimalTaggedPdf(), { updateMetadata: false });
  const before = doc.getPage(0).node.get(PDFName.of('Contents'));
  markArtifacts(doc, layout());
  assert.equal(doc.getPage(0).node.get(PDFName.of('Contents')), before);
});
