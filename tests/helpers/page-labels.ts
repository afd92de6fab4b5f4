import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';

/** The label a PDF viewer shows for each page (decimal and prefix labels, as Folio writes them), read with pdf-lib. */
export async function readPageLabels(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const nums = doc.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict)?.lookupMaybe(PDFName.of('Nums'), PDFArray);
  const ranges: { start: number; prefix: string; style: string | undefined; first: number }[] = [];
  for (let index = 0; nums && index < nums.size(); index += 2) {
    const start = (nums.lookup(index) as PDFNumber).asNumber();
    const dict = nums.lookup(index + 1, PDFDict);
    const prefix = dict.lookup(PDFName.of('P'));
    const style = dict.lookup(PDFName.of('S'));
    const first = dict.lookup(PDFName.of('St'));
    ranges.push({
      start,
      prefix: prefix instanceof PDFString || prefix instanceof PDFHexString ? prefix.decodeText() : '',
      style: style instanceof PDFName ? style.decodeText() : undefined,
      first: first instanceof PDFNumber ? first.asNumber() : 1,
    });
  }
  return doc.getPages().map((_, page) => {
    const range = [...ranges].reverse().find((candidate) => candidate.start <= page);
    if (!range) return String(page + 1);
    return `${range.prefix}${range.style === 'D' ? String(range.first + page - range.start) : ''}`;
  });
}
