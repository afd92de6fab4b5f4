import { PDFArray, PDFDict, PDFName } from 'pdf-lib';
import type { Finding } from './finding.js';
import type { Structure, StructureElement } from './read-structure.js';

const parents: Record<string, readonly string[]> = {
  TR: ['Table', 'THead', 'TBody', 'TFoot'],
  TH: ['TR'],
  TD: ['TR'],
  THead: ['Table'],
  TBody: ['Table'],
  TFoot: ['Table'],
};

/**
 * Matterhorn 09-004 and 15-003: tables as ISO 32000-1 Table 337 has them (TR in Table, THead, TBody or TFoot;
 * TH and TD in TR), and, in a table whose cells do not name their headers, every TH with a /Scope.
 * @param structure the structure tree
 */
export function checkTables(structure: Structure): Finding[] {
  const findings: Finding[] = [];
  for (const element of structure.elements) {
    const allowed = parents[element.role];
    const parent = element.parent?.role;
    if (allowed && !allowed.includes(parent ?? '')) findings.push({ checkpoint: '09-004', page: element.page, message: `A ${element.role} is inside ${parent ?? 'nothing'}, not ${allowed.join(' or ')}.` });
    if (element.role === 'TH' && !attribute(element, 'Scope') && !usesHeaders(tableOf(element))) findings.push({ checkpoint: '15-003', page: element.page, message: 'A header cell (TH) has no /Scope, and the table\'s cells do not name their headers.' });
  }
  return findings;
}

function tableOf(element: StructureElement): StructureElement | undefined {
  let current = element.parent;
  while (current && current.role !== 'Table') current = current.parent;
  return current;
}

function usesHeaders(table: StructureElement | undefined): boolean {
  const cells = (element: StructureElement): StructureElement[] => element.children.flatMap((child) => (child.role === 'TD' ? [child] : cells(child)));
  return table !== undefined && cells(table).some((cell) => attribute(cell, 'Headers'));
}

/** Whether a structure element's attributes (/A: one dictionary or an array of them) have the key. */
function attribute(element: StructureElement, key: string): boolean {
  const attributes = element.dict.lookup(PDFName.of('A'));
  const all = attributes instanceof PDFArray ? attributes.asArray().map((item) => element.dict.context.lookup(item)) : [attributes];
  return all.some((item) => item instanceof PDFDict && item.has(PDFName.of(key)));
}
