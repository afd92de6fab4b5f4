import { PDFDocument, PDFName } from 'pdf-lib';
import { loadOptions, saveOptions } from './pdf-lib-options.js';

/** A3 landscape, in points. */
const sheet = { width: (420 / 25.4) * 72, height: (297 / 25.4) * 72 };

/**
 * The order in which pages go on the sheets of a saddle-stitched booklet: for each sheet, its front (left, right)
 * then its back (left, right). `undefined` is a blank page.
 * @param count pages in the document
 * @returns page indices (0-based) per printed side, two per side
 */
export function bookletOrder(count: number): (number | undefined)[][] {
  const total = Math.ceil(count / 4) * 4;
  // Blank pages go just before the back cover, so the back cover stays on the outside.
  const pages: (number | undefined)[] = [...Array.from({ length: count - 1 }, (_, i) => i), ...Array.from({ length: total - count }, () => undefined), count - 1];
  const sides: (number | undefined)[][] = [];
  for (let s = 0; s < total / 4; s += 1) {
    sides.push([pages[total - 1 - 2 * s], pages[2 * s]]);
    sides.push([pages[2 * s + 1], pages[total - 2 - 2 * s]]);
  }
  return sides;
}

/**
 * Impose an A4 document for saddle-stitch printing on an office printer: two pages side by side on A3 landscape
 * sheets, in folding order, padded with blank pages to a multiple of four. Print it double-sided, flipping on the
 * short edge, then fold the stack in half and staple on the fold. Pages stay vector: text, fonts and images are
 * placed, not rasterised.
 * @param pdf the single-sided A4 PDF
 */
export async function imposeBooklet(pdf: Uint8Array): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf, loadOptions);
  const booklet = await PDFDocument.create({ updateMetadata: false });
  const count = source.getPageCount();
  const embedded = await booklet.embedPdf(source, source.getPageIndices());
  for (const side of bookletOrder(count)) {
    const page = booklet.addPage([sheet.width, sheet.height]);
    side.forEach((index, slot) => {
      if (index === undefined) return;
      const part = embedded[index];
      if (!part) return;
      // Each page sits against the fold (the sheet's centre line), centred vertically.
      const x = slot === 0 ? sheet.width / 2 - part.width : sheet.width / 2;
      page.drawPage(part, { x, y: (sheet.height - part.height) / 2 });
    });
  }
  // Placed pages leave their structure behind (a booklet is for paper); the document's language stays.
  const lang = source.catalog.get(PDFName.of('Lang'));
  if (lang) booklet.catalog.set(PDFName.of('Lang'), lang);
  const title = source.getTitle();
  if (title) booklet.setTitle(`${title} (booklet)`);
  const author = source.getAuthor();
  if (author) booklet.setAuthor(author);
  booklet.setCreator('Folio');
  booklet.setProducer('Folio (Chromium, Paged.js, pdf-lib)');
  const created = source.getCreationDate();
  if (created) {
    booklet.setCreationDate(created);
    booklet.setModificationDate(created);
  }
  return booklet.save(saveOptions);
}
