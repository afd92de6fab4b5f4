import type { Finding } from './finding.js';
import type { Structure } from './read-structure.js';

/**
 * Matterhorn 14: numbered headings start at H1 (14-002) and never skip a level going down (14-003).
 * @param structure the structure tree
 */
export function checkHeadings(structure: Structure): Finding[] {
  const findings: Finding[] = [];
  let previous = 0;
  for (const element of structure.elements) {
    const level = /^H([1-6])$/.exec(element.role)?.[1];
    if (!level) continue;
    const current = Number(level);
    if (previous === 0 && current !== 1) findings.push({ checkpoint: '14-002', page: element.page, message: `The first heading is H${current}, not H1.` });
    else if (current > previous + 1 && previous > 0) findings.push({ checkpoint: '14-003', page: element.page, message: `H${current} follows H${previous}: a heading level is skipped.` });
    previous = current;
  }
  return findings;
}
