import { endMarkedContent, fill, PDFDict, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFString, rectangle } from 'pdf-lib';

/**
 * The smallest PDF that passes the accessibility preflight: one page whose one shape is a Figure with alt text,
 * with its structure tree, parent tree, language, title shown, and XMP with dc:title claiming PDF/UA-1. Faults are
 * injected into it (and into Folio's own PDFs) to show that the preflight catches each.
 */
export async function minimalTaggedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([200, 200]);
  // The MCID through the page's /Properties, the indirect form Chromium does not use, so both are read.
  page.node.Resources()?.set(PDFName.of('Properties'), doc.context.obj({ MC0: { MCID: 0 } }));
  page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Figure'), PDFName.of('MC0')]), rectangle(50, 50, 100, 100), fill(), endMarkedContent());
  const documentRef = doc.context.nextRef();
  const figure = doc.context.obj({ Type: 'StructElem', S: 'Figure', P: documentRef, Pg: page.ref, K: 0, Alt: PDFString.of('A grey square') });
  const figureRef = doc.context.register(figure);
  doc.context.assign(documentRef, doc.context.obj({ Type: 'StructElem', S: 'Document', K: [figureRef] }));
  const root = doc.context.register(doc.context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: doc.context.obj({ Nums: [0, [figureRef]] }), ParentTreeNextKey: 1 }));
  doc.context.lookup(documentRef, PDFDict).set(PDFName.of('P'), root);
  page.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  doc.setTitle('A grey square', { showInWindowTitleBar: true });
  doc.setLanguage('en');
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">A grey square</rdf:li></rdf:Alt></dc:title><pdfuaid:part>1</pdfuaid:part></rdf:Description></rdf:RDF></x:xmpmeta>`;
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  return doc.save();
}
