import { type PDFDocument, degrees } from 'pdf-lib';
import type { PageSummary } from '../render/browser/inspect-layout.js';

/**
 * Turn the landscape pages for the screen: each is printed on the portrait sheet with its top at the sheet's left
 * edge, and /Rotate 90 has a viewer show it a quarter turn clockwise, upright. The page's boxes stay portrait,
 * like every other page's, so trim, bleed, crop marks and booklet imposition treat it as any page.
 * @param doc the PDF, changed in place
 * @param pages the laid-out pages, in order
 */
export function rotateLandscapePages(doc: PDFDocument, pages: readonly PageSummary[]): void {
  pages.forEach((summary, index) => {
    if (summary.names.includes('landscape') && index < doc.getPageCount()) doc.getPage(index).setRotation(degrees(90));
  });
}
