import { joinPieces } from './join-pieces.js';
import { elementKids, firstPage, type StructureNode } from './structure-node.js';

/**
 * Make one element of each element Paged.js split across pages (a chapter, a list and its item, a table, a
 * paragraph): where a page's first elements continue the previous page's, the page's first top-level element is
 * joined into the previous one, and so on inward, as deep as the page says its elements continue (see
 * `joinPieces`). Pieces not of one type are left apart. Notes are passed over: they are not part of the page's flow.
 * @param document the Document element, changed in place
 * @param continued for each page in order, how many levels of elements at its top continue the previous page's
 */
export function joinSplitElements(document: StructureNode, continued: readonly number[]): void {
  const starts = new Map<StructureNode, number | undefined>();
  const startOf = (node: StructureNode) => {
    if (!starts.has(node)) starts.set(node, firstPage(node));
    return starts.get(node);
  };
  continued.forEach((levels, index) => {
    if (levels === 0) return;
    const kids = elementKids(document).filter((kid) => kid.type !== 'Note');
    const next = kids.findIndex((kid) => (startOf(kid) ?? 0) >= index + 1);
    const piece = kids[next];
    const before = kids.slice(0, Math.max(next, 0)).reverse().find((kid) => startOf(kid) !== undefined);
    if (piece && before && before.type === piece.type) joinPieces(document, before, piece, levels);
  });
}
