import { PDFArray, type PDFDocument, PDFDict, PDFName, PDFNumber, type PDFObject, type PDFRef } from 'pdf-lib';

/**
 * The marked-content ids the structure tree holds, by page: the MCIDs of every structure element reachable from the
 * StructTreeRoot (as a number in /K or a marked-content reference), on the element's /Pg or the reference's own.
 * Content whose MCID is not here is tagged for no one: the structure step dropped the element that held it.
 * @param doc the PDF
 */
export function referencedMcids(doc: PDFDocument): Map<PDFRef, Set<number>> {
  const held = new Map<PDFRef, Set<number>>();
  const add = (page: PDFObject | undefined, mcid: number) => {
    if (!page) return;
    const set = held.get(page as PDFRef) ?? new Set<number>();
    set.add(mcid);
    held.set(page as PDFRef, set);
  };
  const seen = new Set<PDFDict>();
  const visit = (kid: PDFObject | undefined, page: PDFObject | undefined): void => {
    const value = kid ? doc.context.lookup(kid) : undefined;
    if (value instanceof PDFNumber) add(page, value.asNumber());
    else if (value instanceof PDFArray) for (const item of value.asArray()) visit(item, page);
    else if (value instanceof PDFDict && !seen.has(value)) {
      seen.add(value);
      const own = value.get(PDFName.of('Pg')) ?? page;
      const type = value.get(PDFName.of('Type'));
      if (type === PDFName.of('MCR')) {
        const mcid = value.lookupMaybe(PDFName.of('MCID'), PDFNumber);
        // An MCR in a form XObject (/Stm) is not page content.
        if (mcid && !value.has(PDFName.of('Stm'))) add(own, mcid.asNumber());
      } else if (type !== PDFName.of('OBJR')) visit(value.get(PDFName.of('K')), own);
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.get(PDFName.of('K')), undefined);
  return held;
}
