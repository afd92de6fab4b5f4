import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { pageContentBytes } from '../../src/pdf/content/page-content-bytes.js';
import { readTextEvents } from '../../src/pdf/content/read-text-events.js';
import { applyEdits } from '../../src/pdf/tagging/mark-page-artifacts.js';

/** The structure elements of a type, in the file's object order, with the 1-based page of each (0 when it has none). */
function elementsOf(doc: PDFDocument, type: string): { dict: PDFDict; page: number }[] {
  const pages = doc.getPages().map((page) => page.ref);
  const found: { dict: PDFDict; page: number }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of(type)) found.push({ dict: object, page: pages.findIndex((ref) => ref === object.get(PDFName.of('Pg'))) + 1 });
  }
  return found;
}

/**
 * Change the type of the first structure element of a type (a TOCI to P, an LBody to P, …).
 * @param pdf the PDF
 * @param from the type to change
 * @param to the type it becomes
 */
export async function retypeElement(pdf: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const [first] = elementsOf(doc, from);
  if (!first) throw new Error(`No ${from} element to change.`);
  first.dict.set(PDFName.of('S'), PDFName.of(to));
  return doc.save();
}

/**
 * Take the ID from the first Note, or (with `duplicate`) give the second Note the first's ID.
 * @param pdf the PDF
 * @param duplicate copy the first Note's ID to the second instead of removing it
 */
export async function spoilNoteId(pdf: Uint8Array, duplicate = false): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const [first, second] = elementsOf(doc, 'Note');
  if (!first || !second) throw new Error('Fewer than two Notes.');
  const id = first.dict.get(PDFName.of('ID'));
  if (duplicate && id) second.dict.set(PDFName.of('ID'), id);
  else first.dict.delete(PDFName.of('ID'));
  return doc.save();
}


/**
 * Take the ToUnicode map from the first font a page shows text in (from its composite font and its descendant), so
 * its glyphs map to no text.
 * @param pdf the PDF
 * @returns the changed PDF, the 1-based page and the font's resource name
 */
export async function removeToUnicode(pdf: Uint8Array): Promise<{ pdf: Uint8Array; page: number; font: string }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const [index, page] of doc.getPages().entries()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = doc.context.lookup(ref);
      if (!(font instanceof PDFDict) || !font.has(PDFName.of('ToUnicode'))) continue;
      font.delete(PDFName.of('ToUnicode'));
      return { pdf: await doc.save(), page: index + 1, font: name.decodeText() };
    }
  }
  throw new Error('No font with a ToUnicode map.');
}

/**
 * Undo Folio's marking of the first hyphen that breaks a line, as Chromium left it: the word's span says U+00AD
 * again (Chromium's soft hyphen) and the hyphen's own span with empty /ActualText is taken off.
 * @param pdf the PDF
 * @returns the changed PDF and the 1-based page
 */
export async function unmarkBreakHyphen(pdf: Uint8Array): Promise<{ pdf: Uint8Array; page: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const [index, page] of doc.getPages().entries()) {
    const bytes = pageContentBytes(doc, page);
    const events = readTextEvents(doc, page, bytes, new Map());
    for (const [at, word] of events.entries()) {
      if (word.kind !== 'begin' || (word.actualText?.length ?? 0) < 2 || word.match === undefined) continue;
      let next = word.match + 1;
      while (events[next]?.kind === 'ET' || events[next]?.kind === 'BT') next += 1;
      const hyphen = events[next];
      const shown = events[next + 1];
      if (hyphen?.kind !== 'begin' || hyphen.actualText !== '' || hyphen.match === undefined || shown?.kind !== 'show' || shown.text !== '-') continue;
      const end = events[hyphen.match];
      if (!end || at < 0) continue;
      const edits = [{ at: word.start, end: word.end, text: '/Span <</ActualText <FEFF00AD>>> BDC' }, { at: hyphen.start, end: hyphen.end, text: '' }, { at: end.start, end: end.end, text: '' }];
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(applyEdits(bytes, edits))));
      return { pdf: await doc.save(), page: index + 1 };
    }
  }
  throw new Error('No marked hyphen that breaks a line.');
}
