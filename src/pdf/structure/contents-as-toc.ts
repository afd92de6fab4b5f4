import { descendants, type StructureNode } from './structure-node.js';

/**
 * Make the contents a table of contents: in the contents' Sect, each list becomes a TOC and each of its items a
 * TOCI (holding the entry's Link, and a nested TOC for the entries under it).
 * @param document the Document element, changed in place
 */
export function contentsAsToc(document: StructureNode): void {
  const convert = (list: StructureNode): void => {
    list.type = 'TOC';
    for (const item of list.kids) {
      if (item.kind !== 'element' || item.type !== 'LI') continue;
      item.type = 'TOCI';
      for (const inner of item.kids) if (inner.kind === 'element' && inner.type === 'L') convert(inner);
    }
  };
  const sections = descendants(document).filter((node) => node.beacon?.kind === 'Contents');
  for (const section of sections) for (const list of descendants(section).filter((node) => node.type === 'L')) convert(list);
}
