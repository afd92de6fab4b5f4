import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFObject } from 'pdf-lib';
import { descendants, elementKids, type StructureNode } from './structure-node.js';

/**
 * Name the column headers of the cells of a table's continued rows: Chromium wrote them without (/Headers empty),
 * because on their page the repeated header row is hidden from the tree; once the pieces are one Table, they take
 * the IDs of the header cells above them, column by column.
 * @param document the Document element, changed in place
 */
export function fillCellHeaders(document: StructureNode): void {
  for (const table of descendants(document).filter((node) => node.type === 'Table')) {
    const rows = descendants(table).filter((node) => node.type === 'TR');
    const headerRow = rows.find((row) => elementKids(row).some((cell) => cell.type === 'TH' && attribute(cell, 'Scope') === PDFName.of('Column')));
    if (!headerRow) continue;
    const headers = new Map<number, PDFObject>();
    columns(headerRow).forEach(({ cell, column }) => {
      const id = cell.dict.get(PDFName.of('ID'));
      if (cell.type === 'TH' && id) headers.set(column, id);
    });
    for (const row of rows) {
      for (const { cell, column } of columns(row)) {
        const list = attribute(cell, 'Headers');
        const header = headers.get(column);
        if (cell.type === 'TD' && list instanceof PDFArray && list.size() === 0 && header) list.push(header);
      }
    }
  }
}

/** A row's cells with the column each starts in (counting column spans). */
function columns(row: StructureNode): { cell: StructureNode; column: number }[] {
  let column = 0;
  return elementKids(row).map((cell) => {
    const at = { cell, column };
    const span = attribute(cell, 'ColSpan');
    column += span instanceof PDFNumber ? span.asNumber() : 1;
    return at;
  });
}

/** A Table attribute of a cell, from its attribute dictionaries (/A). */
function attribute(cell: StructureNode, key: string): PDFObject | undefined {
  const a = cell.dict.lookup(PDFName.of('A'));
  const dicts = a instanceof PDFArray ? a.asArray().map((item) => cell.dict.context.lookup(item)) : [a];
  for (const dict of dicts) if (dict instanceof PDFDict && dict.has(PDFName.of(key))) return dict.lookup(PDFName.of(key));
  return undefined;
}
