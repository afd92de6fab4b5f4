import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Finding } from './finding.js';
import type { Structure } from './read-structure.js';

/**
 * Matterhorn 13-004: every Figure has alternative text (/Alt) or replacement text (/ActualText).
 * @param structure the structure tree
 */
export function checkFigures(structure: Structure): Finding[] {
  return structure.elements
    .filter((element) => element.role === 'Figure' && !['Alt', 'ActualText'].some((key) => hasText(element.dict.lookup(PDFName.of(key)))))
    .map((element) => ({ checkpoint: '13-004', page: element.page, message: 'A Figure has no alternative text (/Alt).' }));
}

function hasText(value: unknown): boolean {
  return (value instanceof PDFString || value instanceof PDFHexString) && value.decodeText().trim() !== '';
}
