import { elementKids, firstPage, type StructureNode } from './structure-node.js';

/**
 * Make one element of each element Paged.js split across pages (a chapter, a list and its item, a table, a
 * paragraph): where a page's first elements continue the previous page's, the pieces' kids are joined in the first
 * piece, level by level, as deep as the page says its elements continue. A level whose pieces are not of one type
 * stops the joining there. Notes are passed over: they are not part of the page's flow.
 * @param document the Document element, changed in place
 * @param continued for each page in order, how many levels of elements at its top continue the previous page's
 */
export function joinSplitElements(document: StructureNode, continued: readonly number[]): void {
  const pageStarts = new Map<StructureNode, number | undefined>();
  const startOf = (node: StructureNode) => {
    if (!pageStarts.has(node)) pageStarts.set(node, firstPage(node));
    return pageStarts.get(node);
  };
  continued.forEach((levels, index) => {
    const page = index + 1;
    let parent = document;
    for (let level = 0; level < levels; level += 1) {
      const kids = elementKids(parent).filter((kid) => kid.type !== 'Note');
      const next = kids.findIndex((kid) => (startOf(kid) ?? 0) >= page);
      const piece = kids[next];
      const before = kids.slice(0, Math.max(next, 0)).reverse().find((kid) => startOf(kid) !== undefined);
      if (!piece || !before || before.type !== piece.type) return;
      before.kids.push(...piece.kids);
      parent.kids = parent.kids.filter((kid) => kid !== piece);
      // The next level's pieces are inside the joined element: the first piece's last element, the second's first.
      parent = before;
    }
  });
}
