import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * Chromium names the tagged PDF's structure elements after its DOM node numbers, which differ from run to run.
 * Rename them in the same order (`s00001`, `s00002`, …) everywhere they are used (the elements, the ID tree,
 * table-cell headers), so that an unchanged manuscript gives a byte-identical PDF.
 * @param doc the PDF, changed in place
 * @param prefix what the new names start with (the parts of a split document each get their own)
 */
export function stabiliseStructureIds(doc: PDFDocument, prefix = 's'): void {
  const ids: string[] = [];
  const holders: { dict: PDFDict; id: string }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const id = object.get(PDFName.of('ID'));
    if (object.get(PDFName.of('Type')) === PDFName.of('StructElem') || object.has(PDFName.of('S'))) {
      if (id instanceof PDFString || id instanceof PDFHexString) {
        holders.push({ dict: object, id: id.decodeText() });
        ids.push(id.decodeText());
      }
    }
  }
  if (ids.length === 0) return;
  const renamed = new Map([...ids].sort().map((id, index) => [id, `${prefix}${String(index + 1).padStart(5, '0')}`]));
  const rename = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? renamed.get(value.decodeText()) : undefined);
  for (const { dict, id } of holders) dict.set(PDFName.of('ID'), PDFString.of(renamed.get(id) ?? id));
  // Every string that names an old id (the ID tree's keys, /Headers of table cells, nested in attribute
  // dictionaries) gets the new name.
  const visit = (value: unknown): void => {
    if (value instanceof PDFArray) {
      for (let index = 0; index < value.size(); index += 1) {
        const name = rename(value.get(index));
        if (name) value.set(index, PDFString.of(name));
        else visit(value.get(index));
      }
    } else if (value instanceof PDFDict) {
      for (const [key, inner] of value.entries()) if (key !== PDFName.of('ID')) visit(inner);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
}
