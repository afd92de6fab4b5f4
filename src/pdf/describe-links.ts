import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';

/**
 * Give every link annotation a /Contents that says where it goes (PDF/UA, Matterhorn 28-012): a web link its
 * address; a link inside the report the title of the bookmark at its destination, else its anchor's words.
 * @param doc the PDF, changed in place
 */
export function describeLinks(doc: PDFDocument): void {
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const titles = bookmarkTitles(doc);
  for (const page of doc.getPages()) {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const annotation = doc.context.lookup(ref);
      if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annotation.has(PDFName.of('Contents'))) continue;
      const uri = annotation.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
      const dest = annotation.get(PDFName.of('Dest'));
      const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      const target = name === undefined ? dest : dests?.lookup(PDFName.of(name));
      const description = isText(uri) ? `Link to ${uri.decodeText()}` : `Go to ${titles.get(position(doc, target)) ?? name?.replace(/[-_]+/g, ' ') ?? 'another page'}`;
      annotation.set(PDFName.of('Contents'), PDFHexString.fromText(description));
    }
  }
}

/** Bookmark titles by the place they lead to, which the links to the same heading share. */
function bookmarkTitles(doc: PDFDocument): Map<string, string> {
  const titles = new Map<string, string>();
  const visit = (item: PDFDict | undefined): void => {
    for (let current = item; current; current = current.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = current.lookup(PDFName.of('Title'));
      if (isText(title)) titles.set(position(doc, current.get(PDFName.of('Dest'))), title.decodeText());
      visit(current.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

/** A destination `[page /XYZ x y zoom]` as page and rounded height: the key both sides agree on. */
function position(doc: PDFDocument, dest: PDFObject | undefined): string {
  const array = dest ? doc.context.lookup(dest) : undefined;
  const explicit = array instanceof PDFDict ? array.lookup(PDFName.of('D')) : array;
  if (!(explicit instanceof PDFArray)) return '';
  return `${explicit.get(0)?.toString()} ${Math.round(Number(explicit.get(3)?.toString()))}`;
}

function isText(value: unknown): value is PDFString | PDFHexString {
  return value instanceof PDFString || value instanceof PDFHexString;
}
