import { PDFName } from 'pdf-lib';

let installed = false;

/**
 * Have `PDFName.of` answer each spelling it has seen from a map. pdf-lib decodes the spelling through a regular
 * expression on every call before it looks the name up in its own pool, and it is called for every name of every
 * object it parses and every key looked up (`dict.get(PDFName.of('Type'))`): over a second of finishing a
 * 481-page report. The answer is the same pooled instance; only the decoding is skipped.
 */
export function fastPdfNames(): void {
  if (installed) return;
  installed = true;
  const decode = PDFName.of.bind(PDFName);
  const seen = new Map<string, PDFName>();
  PDFName.of = (name: string): PDFName => {
    let found = seen.get(name);
    if (found === undefined) {
      found = decode(name);
      if (seen.size < 100_000) seen.set(name, found);
    }
    return found;
  };
}
