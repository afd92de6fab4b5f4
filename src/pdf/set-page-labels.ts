import { PDFArray, type PDFDocument, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { PageSummary } from '../render/browser/inspect-layout.js';

/**
 * PDF page labels that match what is printed, so a viewer's page box shows the page's own number: the covers
 * are "Cover" and "Back cover", every other page its folio (the pages are numbered from the cover on, and pages
 * that print no folio keep their place in the count).
 * @param doc the PDF, changed in place
 * @param pages the laid-out pages, in order
 */
export function setPageLabels(doc: PDFDocument, pages: readonly PageSummary[]): void {
  const labelOf = (page: PageSummary): { prefix?: string; numbered: boolean } => {
    if (page.names.includes('cover')) return { prefix: 'Cover', numbered: false };
    if (page.names.includes('back-cover')) return { prefix: 'Back cover', numbered: false };
    return { numbered: true };
  };
  const nums = PDFArray.withContext(doc.context);
  let previous: string | undefined;
  pages.forEach((page, index) => {
    const label = labelOf(page);
    const key = label.numbered ? 'numbered' : `prefix:${label.prefix}`;
    if (key === previous && label.numbered) return;
    previous = key;
    const dict = label.numbered
      ? doc.context.obj({ S: PDFName.of('D'), St: PDFNumber.of(page.number) })
      : doc.context.obj({ P: PDFString.of(label.prefix ?? '') });
    nums.push(PDFNumber.of(index));
    nums.push(dict);
  });
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums }));
}
