import { toSVG } from 'bwip-js/node';
import type { Element } from 'hast';
import { h } from 'hastscript';

/**
 * The ISBN and its EAN-13 ("Bookland") barcode, drawn by bwip-js as SVG: vector in the PDF, its digits as text.
 * @param isbn a valid ISBN-13 with hyphens (report.yaml's `isbn`, already checked by the schema)
 */
export function isbnBarcode(isbn: string): Element {
  // The human-readable digits under the bars are bwip-js's outlines; the ISBN line above is real, searchable text.
  const svg = toSVG({ bcid: 'ean13', text: isbn.replace(/-/g, ''), includetext: true, scale: 2, height: 18, guardwhitespace: true });
  return h('figure.isbn', [
    h('p.isbn-text', `ISBN ${isbn}`),
    h('img.isbn-barcode', { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, alt: `Barcode of ISBN ${isbn}` }),
  ]);
}
