import { elementKids, type StructureNode } from './structure-node.js';

/**
 * Join the second piece of a split element into the first: its kids follow the first piece's, and it leaves its
 * parent; then, for as many levels more as were split, the first piece's last element and the second piece's
 * first element are joined the same way (a list, then its item, then the item's paragraph), while their types agree.
 * @param parent the element holding the second piece, changed in place
 * @param first the first piece, changed in place
 * @param second the second piece
 * @param levels how many nested levels were split (1: only these pieces)
 */
export function joinPieces(parent: StructureNode, first: StructureNode, second: StructureNode, levels: number): void {
  const tail = elementKids(first).filter((kid) => kid.type !== 'Note').at(-1);
  const head = elementKids(second)[0];
  first.kids.push(...second.kids);
  parent.kids = parent.kids.filter((kid) => kid !== second);
  if (levels > 1 && tail && head && tail.type === head.type) joinPieces(first, tail, head, levels - 1);
}
