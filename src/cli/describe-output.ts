import { bookletOrder } from '../pdf/impose-booklet.js';

/**
 * What a build wrote, for its last line: "20 pages", or for a booklet its pages and the sides and sheets they print on.
 * @param pages pages of the report
 * @param booklet whether it was imposed as a booklet
 */
export function describeOutput(pages: number, booklet: boolean): string {
  if (!booklet) return `${pages} pages`;
  const sides = bookletOrder(pages).length;
  return `${pages} pages on ${sides} A3 sides (${sides / 2} sheets printed on both sides)`;
}
