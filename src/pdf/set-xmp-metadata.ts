import { type PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/** What the XMP metadata says of a document. */
export interface XmpFields {
  readonly title: string;
  readonly author?: string | undefined;
  readonly language?: string | undefined;
  /** Creation, modification and metadata date; none gives none (never the clock). */
  readonly date?: Date | undefined;
  /** The document id (32 hex digits), as in the trailer. */
  readonly id?: string | undefined;
  /** The PDF/X version the file conforms to. */
  readonly pdfx?: string | undefined;
  /** The PDF/UA part the file conforms to: set only once the file is checked. */
  readonly pdfua?: number | undefined;
}

// What each document's XMP last said: the metadata and press steps each write it whole.
const written = new WeakMap<PDFDocument, XmpFields>();

/**
 * Write the document's XMP metadata (dc:title, which PDF/UA requires, with the author, language, dates and the
 * standards the file claims), replacing any it had in place.
 * @param doc the PDF, changed in place
 * @param fields what to say
 */
export function setXmpMetadata(doc: PDFDocument, fields: XmpFields): void {
  written.set(doc, fields);
  // XMP is UTF-8; pdf-lib would write a string's characters as single bytes.
  const stream = doc.context.stream(new TextEncoder().encode(xmpPacket(fields)), { Type: 'Metadata', Subtype: 'XML' });
  const existing = doc.catalog.get(PDFName.of('Metadata'));
  if (existing instanceof PDFRef) doc.context.assign(existing, stream);
  else doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

/**
 * Take the PDF/UA claim out of the XMP metadata, the rest as last written: for a document finished with the claim
 * that the accessibility preflight then failed.
 * @param doc the PDF, changed in place
 */
export function withdrawPdfUaClaim(doc: PDFDocument): void {
  const fields = written.get(doc);
  if (fields?.pdfua !== undefined) setXmpMetadata(doc, { ...fields, pdfua: undefined });
}

function xmpPacket({ title, author, language, date, id, pdfx, pdfua }: XmpFields): string {
  const when = date?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uuid = id && `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(title)}</rdf:li></rdf:Alt></dc:title>`,
    author && `<dc:creator><rdf:Seq><rdf:li>${escape(author)}</rdf:li></rdf:Seq></dc:creator>`,
    language && `<dc:language><rdf:Bag><rdf:li>${escape(language)}</rdf:li></rdf:Bag></dc:language>`,
    when && `<xmp:CreateDate>${when}</xmp:CreateDate>`,
    when && `<xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    when && `<xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    '<xmp:CreatorTool>Folio</xmp:CreatorTool>',
    '<pdf:Producer>Folio (Chromium, Paged.js, pdf-lib)</pdf:Producer>',
    pdfx && '<pdf:Trapped>False</pdf:Trapped>',
    uuid && `<xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>`,
    uuid && `<xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>`,
    uuid && '<xmpMM:VersionID>1</xmpMM:VersionID>',
    uuid && '<xmpMM:RenditionClass>default</xmpMM:RenditionClass>',
    pdfx && `<pdfxid:GTS_PDFXVersion>${pdfx}</pdfxid:GTS_PDFXVersion>`,
    pdfua && `<pdfuaid:part>${pdfua}</pdfuaid:part>`,
  ];
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
${lines.filter(Boolean).map((line) => `   ${line}`).join('\n')}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
