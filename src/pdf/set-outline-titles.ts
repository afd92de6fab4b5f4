import { PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** The same letters in any order: what a title Chromium reassembled from split glyph runs still has in common with its heading. */
const letters = (text: string) => [...text.replace(/\s/gu, '')].sort().join('');

/**
 * Give each bookmark its heading's text. Chromium titles bookmarks with the text it drew, run by run, and a
 * Nastaliq heading's first letter can come out last ("اکستان…پ" for "پاکستان…"); a title with the same letters
 * as a heading, in another order, gets the heading's.
 * @param doc the PDF
 * @param headings the text of every heading in the document
 */
export function setOutlineTitles(doc: PDFDocument, headings: readonly string[]): void {
  const byLetters = new Map(headings.map((heading) => [letters(heading), heading]));
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : undefined;
      const heading = text === undefined ? undefined : byLetters.get(letters(text));
      if (heading !== undefined && heading !== text) item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
}
