import { readFile } from 'node:fs/promises';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, PDFRef, PDFArray } from 'pdf-lib';

/** One bookmark: its title, depth (1 = top level) and the index (0-based) of the page it opens. */
export interface Bookmark {
  readonly title: string;
  readonly depth: number;
  readonly page: number | undefined;
}

/** The bookmarks (document outline) of a PDF, in order, read with pdf-lib. */
export async function readOutline(file: string): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const pages = doc.getPages().map((page) => page.ref);
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const result: Bookmark[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
      let dest = item.lookup(PDFName.of('Dest'));
      if (!dest) {
        const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
        dest = action?.lookup(PDFName.of('D'));
      }
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      const page = target instanceof PDFRef ? pages.findIndex((ref) => ref.toString() === target.toString()) : undefined;
      result.push({ title: text, depth, page: page === -1 ? undefined : page });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 1);
  return result;
}
