import type { Finding } from './finding.js';
import type { Structure } from './read-structure.js';
import { standardTypes } from './standard-types.js';

/**
 * Matterhorn 02: every structure type is standard or role-mapped to a standard type (02-001), and no standard
 * type is remapped (02-004). PDF 2.0 types such as Strong and Em are not standard in a PDF 1.7 file.
 * @param structure the structure tree
 */
export function checkRoleMap(structure: Structure): Finding[] {
  const findings: Finding[] = [];
  const unmapped = new Map<string, { count: number; page: number | undefined }>();
  for (const element of structure.elements) {
    if (standardTypes.has(element.role)) continue;
    const seen = unmapped.get(element.type);
    unmapped.set(element.type, { count: (seen?.count ?? 0) + 1, page: seen?.page ?? element.page });
  }
  for (const [type, { count, page }] of unmapped) findings.push({ checkpoint: '02-001', page, message: `${count} element(s) of type ${type}, which is not a PDF 1.7 standard type and is not role-mapped to one.` });
  for (const [type, role] of structure.roleMap) {
    if (standardTypes.has(type)) findings.push({ checkpoint: '02-004', message: `The role map remaps the standard type ${type} (to ${role}).` });
  }
  return findings;
}
