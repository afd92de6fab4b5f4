import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';

/** A link inside a PDF: where it is and where it leads, in points from the top-left corner of each page. */
export interface PdfLink {
  /** 0-based page holding the link. */
  readonly page: number;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  /** 0-based page it leads to. */
  readonly to: number;
  /** How far down that page it leads (points from the top), when the destination says. */
  readonly toTop: number | undefined;
}

/**
 * Every link to a place in the same PDF (named or direct destinations), read with pdf-lib.
 * @param pdf the PDF file
 */
export async function readPdfLinks(pdf: string): Promise<PdfLink[]> {
  const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  const pages = doc.getPages();
  const refs = pages.map((page) => page.ref.toString());
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const links: PdfLink[] = [];
  pages.forEach((page, index) => {
    const height = page.getHeight();
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const annotation = doc.context.lookup(ref, PDFDict);
      let dest = annotation.get(PDFName.of('Dest'));
      if (dest instanceof PDFName) dest = dests?.get(dest);
      if (dest instanceof PDFRef) dest = doc.context.lookup(dest);
      if (!(dest instanceof PDFArray)) continue;
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = annotation.lookup(PDFName.of('Rect'), PDFArray).asArray().map((value) => (value as PDFNumber).asNumber());
      const to = refs.indexOf(String(dest.get(0)));
      const top = dest.size() > 3 ? dest.get(3) : undefined;
      const toHeight = pages[to]?.getHeight() ?? height;
      links.push({ page: index, left: Math.min(x1, x2), right: Math.max(x1, x2), top: height - Math.max(y1, y2), bottom: height - Math.min(y1, y2), to, toTop: top instanceof PDFNumber ? toHeight - top.asNumber() : undefined });
    }
  });
  return links;
}
