import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Finding } from './finding.js';
import type { Structure } from './read-structure.js';

/**
 * Matterhorn 19-003 and 19-004: every Note has an ID (so that its reference can name it), and no two elements share one.
 * @param structure the structure tree
 */
export function checkNotes(structure: Structure): Finding[] {
  const findings: Finding[] = [];
  const owners = new Map<string, number>();
  for (const element of structure.elements) {
    const id = element.dict.get(PDFName.of('ID'));
    const text = id instanceof PDFString || id instanceof PDFHexString ? id.decodeText() : undefined;
    if (text !== undefined) owners.set(text, (owners.get(text) ?? 0) + 1);
  }
  for (const element of structure.elements) {
    if (element.role !== 'Note') continue;
    const id = element.dict.get(PDFName.of('ID'));
    const text = id instanceof PDFString || id instanceof PDFHexString ? id.decodeText() : undefined;
    if (text === undefined || text === '') findings.push({ checkpoint: '19-003', page: element.page, message: 'A Note has no ID.' });
    else if ((owners.get(text) ?? 0) > 1) findings.push({ checkpoint: '19-004', page: element.page, message: `A Note's ID (${text}) is not unique: ${owners.get(text)} elements have it.` });
  }
  return findings;
}
