import { descendants, type StructureNode } from './structure-node.js';

/**
 * Give each Link element the target its link leads to, from the pages' hints: Chromium writes one Link for each
 * link it prints, in document order, as the hints list them. Run first, while the tree is in Chromium's order.
 * @param document the Document element, changed in place
 * @param targets each link's target id (`null`: not an internal link), in document order (see `markStructure`)
 * @returns whether the Link elements were found (as many as targets); when not, nothing is changed
 */
export function nameLinkTargets(document: StructureNode, targets: readonly (string | null)[]): boolean {
  const links = descendants(document).filter((node) => node.type === 'Link');
  if (links.length !== targets.length) return false;
  links.forEach((node, index) => {
    node.target = targets[index];
  });
  return true;
}
