import { createHash } from 'node:crypto';
import {
  cmyk,
  endMarkedContent,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

import { setXmpMetadata } from './set-xmp-metadata.js';
import { unlinkRemovedAnnotations } from './unlink-removed-annotations.js';

const mm = 72 / 25.4;

/** The printing condition a print edition is prepared for. */
export interface OutputIntent {
  /** The CMYK characterisation's ICC profile. */
  readonly profile: Uint8Array;
  /** Its registered name, such as "CGATS TR 001" (SWOP) or "FOGRA39". */
  readonly identifier: string;
  /** A human description. */
  readonly info: string;
}

/** What preparing a PDF for press needs. */
export interface PressOptions {
  /** The trimmed page size in millimetres. */
  readonly trim: { readonly width: number; readonly height: number };
  /** Bleed around the trim, in millimetres (the pages arrive from the browser trim + bleed in size). */
  readonly bleed: number;
  /** The sRGB profile that manages every RGB colour. */
  readonly srgb: Uint8Array;
  readonly outputIntent: OutputIntent;
  /** Creation and modification date; PDF/X requires one. */
  readonly date: Date;
  readonly title: string;
  /** The PDF/UA part to claim beside PDF/X-4, only for a file that is checked to meet it. */
  readonly pdfua?: number | undefined;
}

/**
 * Prepare the print edition for a print shop, as PDF/X-4: on every page a TrimBox and a BleedBox, and a MediaBox
 * widened to hold crop marks drawn outside the bleed; every RGB colour managed by an sRGB ICC profile (DefaultRGB,
 * and ICC colour spaces for images and transparency groups); an output intent naming the CMYK characterisation;
 * PDF/X identification in the document information and XMP metadata; no annotations on the page. Text stays
 * text and vectors stay vectors: nothing is rasterised or flattened.
 * @param doc the PDF, changed in place
 * @param options bleed, profiles, date and title
 */
export function prepareForPress(doc: PDFDocument, options: PressOptions): void {
  const bleed = options.bleed * mm;
  const margin = (options.bleed + 10) * mm;
  const srgb = doc.context.register(doc.context.flateStream(options.srgb, { N: 3, Alternate: 'DeviceRGB' }));
  const srgbSpace = doc.context.obj([PDFName.of('ICCBased'), srgb]);

  for (const page of doc.getPages()) {
    const { width, height } = page.getMediaBox();
    // Chromium rounds the sheet to whole CSS pixels; the trim is the exact size, centred on it.
    const trim = { width: options.trim.width * mm, height: options.trim.height * mm, x: 0, y: 0 };
    trim.x = (width - trim.width) / 2;
    trim.y = (height - trim.height) / 2;
    page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
    page.setBleedBox(trim.x - bleed, trim.y - bleed, trim.width + 2 * bleed, trim.height + 2 * bleed);
    page.setMediaBox(trim.x - margin, trim.y - margin, trim.width + 2 * margin, trim.height + 2 * margin);
    page.node.delete(PDFName.of('CropBox'));
    // Links do nothing on paper, and PDF/X allows no annotations on the printed area.
    page.node.delete(PDFName.of('Annots'));
    drawCropMarks(page, trim, bleed);
  }

  unlinkRemovedAnnotations(doc);
  manageRgb(doc, srgbSpace);

  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(options.outputIntent.identifier),
    OutputCondition: PDFString.of(options.outputIntent.info),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(options.outputIntent.info),
    DestOutputProfile: doc.context.register(doc.context.flateStream(options.outputIntent.profile, { N: 4 })),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]));

  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  doc.setCreationDate(options.date);
  doc.setModificationDate(options.date);

  const id = createHash('md5').update(options.title).update(options.date.toISOString()).update(String(doc.getPageCount())).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  setXmpMetadata(doc, { title: options.title, author: doc.getAuthor(), language: doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText(), date: options.date, id, pdfx: 'PDF/X-4', pdfua: options.pdfua });
}

/** Crop marks at the four trim corners, 0.25 pt, starting 2 mm beyond the bleed so they never print on the page. */
function drawCropMarks(page: ReturnType<PDFDocument['getPages']>[number], trim: { x: number; y: number; width: number; height: number }, bleed: number): void {
  const gap = bleed + 2 * mm;
  const length = 6 * mm;
  const colour = cmyk(1, 1, 1, 1);
  // Cut marks are production aids, not content: an artifact of type Page (ISO 32000-1, 14.8.2.2.2).
  page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), '<</Type /Page>>']));
  for (const x of [trim.x, trim.x + trim.width]) {
    for (const y of [trim.y, trim.y + trim.height]) {
      const dx = x === trim.x ? -1 : 1;
      const dy = y === trim.y ? -1 : 1;
      page.drawLine({ start: { x: x + dx * gap, y }, end: { x: x + dx * (gap + length), y }, thickness: 0.25, color: colour });
      page.drawLine({ start: { x, y: y + dy * gap }, end: { x, y: y + dy * (gap + length) }, thickness: 0.25, color: colour });
    }
  }
  page.pushOperators(endMarkedContent());
}

/**
 * Put every RGB colour under the sRGB profile: a DefaultRGB colour space in every resource dictionary (it governs
 * colours set with `rg`/`RG` and DeviceRGB images), and ICC colour spaces wherever DeviceRGB is named directly
 * (images, transparency groups, shadings, indexed colour spaces).
 */
function manageRgb(doc: PDFDocument, srgbSpace: PDFArray): void {
  const deviceRgb = PDFName.of('DeviceRGB');
  const colourKeys = new Set(['ColorSpace', 'CS']);
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined, key?: string): PDFObject | undefined => {
    if (!object) return undefined;
    if (object === deviceRgb && key && colourKeys.has(key)) return srgbSpace;
    if (seen.has(object)) return undefined;
    if (object instanceof PDFRef) {
      visit(doc.context.lookup(object));
      return undefined;
    }
    seen.add(object);
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (dict) {
      if (dict.get(PDFName.of('N')) !== undefined && dict.get(PDFName.of('Alternate')) === deviceRgb) return undefined; // an ICC profile stream
      for (const [name, value] of dict.entries()) {
        const replaced = visit(value, name.decodeText());
        if (replaced) dict.set(name, replaced);
      }
      const resources = dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
      if (resources) {
        const spaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict) ?? doc.context.obj({});
        spaces.set(PDFName.of('DefaultRGB'), srgbSpace);
        for (const [name, value] of spaces.entries()) if (value === deviceRgb) spaces.set(name, srgbSpace);
        resources.set(PDFName.of('ColorSpace'), spaces);
      }
    } else if (object instanceof PDFArray) {
      const first = object.get(0);
      for (let index = 0; index < object.size(); index += 1) {
        const value = object.get(index);
        // [/Indexed /DeviceRGB …] and the like name the colour space as an element.
        if (value === deviceRgb && index === 1 && first instanceof PDFName && ['Indexed', 'Pattern'].includes(first.decodeText())) object.set(index, srgbSpace);
        else if (value === deviceRgb && key && colourKeys.has(key) && index > 0) object.set(index, srgbSpace);
        else visit(value);
      }
    }
    return undefined;
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
}
