import type { Finding } from './finding.js';
import type { Structure, StructureElement } from './read-structure.js';

/**
 * Matterhorn 09-005: lists as ISO 32000-1 Table 336 has them: L holds LI (and a Caption), LI holds Lbl and LBody
 * only (its content inside LBody), and LI, Lbl and LBody appear nowhere else.
 * @param structure the structure tree
 */
export function checkLists(structure: Structure): Finding[] {
  const findings: Finding[] = [];
  for (const element of structure.elements) {
    const parent = element.parent?.role;
    if (element.role === 'LI' && parent !== 'L') findings.push(fault(element, `An LI is inside ${parent ?? 'nothing'}, not an L.`));
    if ((element.role === 'Lbl' || element.role === 'LBody') && parent !== 'LI') findings.push(fault(element, `An ${element.role} is inside ${parent ?? 'nothing'}, not an LI.`));
    if (element.role === 'L') {
      const stray = element.children.filter((child) => !['LI', 'Caption', 'L'].includes(child.role));
      if (stray.length > 0 || element.mcids.length > 0) findings.push(fault(element, `An L holds ${stray.length > 0 ? stray.map((child) => child.role).join(', ') : 'content'} besides its LI items.`));
    }
    if (element.role === 'LI' && (element.mcids.length > 0 || element.children.some((child) => child.role !== 'Lbl' && child.role !== 'LBody'))) {
      findings.push(fault(element, 'A list item (LI) holds its content directly, not in an LBody.'));
    }
  }
  return findings;
}

function fault(element: StructureElement, message: string): Finding {
  return { checkpoint: '09-005', page: element.page, message };
}
