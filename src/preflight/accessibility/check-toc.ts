import type { Finding } from './finding.js';
import type { Structure } from './read-structure.js';

/**
 * Matterhorn 09-006: tables of contents as ISO 32000-1 Table 333 has them: a TOC holds TOCI items, nested TOCs and
 * a Caption, and nothing else; a TOCI is inside a TOC.
 * @param structure the structure tree
 */
export function checkToc(structure: Structure): Finding[] {
  const findings: Finding[] = [];
  for (const element of structure.elements) {
    const parent = element.parent?.role;
    if (element.role === 'TOCI' && parent !== 'TOC') findings.push({ checkpoint: '09-006', page: element.page, message: `A contents entry (TOCI) is inside ${parent ?? 'nothing'}, not a TOC.` });
    if (element.role === 'TOC') {
      const stray = element.children.filter((child) => !['TOCI', 'TOC', 'Caption'].includes(child.role));
      if (stray.length > 0 || element.mcids.length > 0) findings.push({ checkpoint: '09-006', page: element.page, message: `A TOC holds ${stray.length > 0 ? stray.map((child) => child.role).join(', ') : 'content'} besides its TOCI entries.` });
    }
  }
  return findings;
}
