import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString } from 'pdf-lib';
import { inspectColour } from './inspect-colour.js';
import { inspectFonts, type FontFinding } from './inspect-fonts.js';
import { poppler } from './poppler.js';
import { loadOptions } from '../pdf/pdf-lib-options.js';

/** What a print shop's preflight finds in a PDF. */
export interface PreflightReport {
  readonly file: string;
  readonly pages: number;
  /** Trim size and bleed in millimetres, when every page has its boxes. */
  readonly trim?: { width: number; height: number; bleed: number } | undefined;
  readonly pagesWithoutBoxes: number[];
  readonly fonts: FontFinding[];
  readonly images: { count: number; minPpi: number | undefined; maxPpi: number | undefined; colourSpaces: string[] };
  readonly pdfx: { version: string | undefined; outputIntent: string | undefined };
  readonly unmanagedRgb: string[];
  /** Pages with no extractable text. */
  readonly pagesWithoutText: number[];
  /** Pages that are one picture of the page, with no text: rasterised. */
  readonly rasterisedPages: number[];
  /** What would get the file rejected. */
  readonly faults: string[];
  /** What is worth knowing but no reason to reject. */
  readonly notes: string[];
}

const mm = 25.4 / 72;

/**
 * Preflight a PDF the way a print shop does: pages, trim and bleed boxes, fonts (embedded, not Type 3), images
 * (count, effective resolution, colour spaces), PDF/X version and output intent, unmanaged RGB, extractable text,
 * rasterised pages. Faults that get a file rejected are listed apart from notes; a file that claims PDF/X (or is
 * checked `asPrint`) must also have its boxes, its output intent and no unmanaged RGB.
 * @param file the PDF
 * @param options `asPrint`: judge it as a print edition even if it does not claim PDF/X; `source`: the manuscript
 *   line a page (1-based) starts with, for naming it in faults
 */
export async function preflight(file: string, options: { asPrint?: boolean; source?: ((page: number) => string | undefined) | undefined } = {}): Promise<PreflightReport> {
  const doc = await PDFDocument.load(await readFile(file), loadOptions);
  const pages = doc.getPages();
  const faults: string[] = [];
  const notes: string[] = [];

  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const version = info instanceof PDFDict ? text(info.get(PDFName.of('GTS_PDFXVersion'))) : undefined;
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents?.lookupMaybe(0, PDFDict);
  const found = intent?.lookup(PDFName.of('DestOutputProfile'));
  const profile = found instanceof PDFRawStream ? found : undefined;
  const channels = profile?.dict.get(PDFName.of('N'))?.toString();
  const outputIntent = intent ? `${text(intent.get(PDFName.of('OutputConditionIdentifier'))) ?? '?'}${channels === '4' ? ' (CMYK profile embedded)' : profile ? '' : ' (no profile)'}` : undefined;
  const print = Boolean(options.asPrint || version || intent);

  const pagesWithoutBoxes = pages.flatMap((page, index) => (page.node.has(PDFName.of('TrimBox')) && page.node.has(PDFName.of('BleedBox')) ? [] : [index + 1]));
  const first = pages[0];
  const trim = first && pagesWithoutBoxes.length === 0 ? (() => {
    const t = first.getTrimBox();
    const b = first.getBleedBox();
    return { width: round(t.width * mm), height: round(t.height * mm), bleed: round((t.x - b.x) * mm) };
  })() : undefined;

  const fonts = inspectFonts(doc);
  // Name the pages a font is on, and where the build knows it, the manuscript line each starts with.
  const where = (font: FontFinding) => {
    const listed = font.pages.slice(0, 5).map((page) => {
      const source = options.source?.(page);
      return source ? `${page} (${source})` : String(page);
    });
    const more = font.pages.length > 5 ? ` and ${font.pages.length - 5} more` : '';
    return font.pages.length === 0 ? '' : ` on page${font.pages.length === 1 ? '' : 's'} ${listed.join(', ')}${more}`;
  };
  for (const font of fonts) {
    if (font.type === 'Type 3') faults.push(`Font ${font.name} is a Type 3 font (a bitmap or drawn glyphs)${where(font)}: print shops reject them.`);
    else if (!font.embedded) faults.push(`Font ${font.name} is not embedded${where(font)}: the printer would substitute another.`);
  }

  const images = await imageSummary(file);
  if (images.minPpi !== undefined && images.minPpi < 150) notes.push(`The lowest image resolution is ${images.minPpi} ppi: below 150 ppi photos print soft.`);

  const { unmanagedRgb } = inspectColour(doc);
  if (print) {
    if (pagesWithoutBoxes.length > 0) faults.push(`${pagesWithoutBoxes.length} page(s) have no TrimBox/BleedBox (pages ${pagesWithoutBoxes.slice(0, 10).join(', ')}).`);
    if (!intent) faults.push('There is no output intent: the file does not say which printing condition its colours are for.');
    else if (channels !== '4') faults.push('The output intent has no CMYK ICC profile.');
    if (!version) faults.push('The file does not identify itself as PDF/X (GTS_PDFXVersion).');
    for (const where of unmanagedRgb) faults.push(`Unmanaged DeviceRGB: ${where}.`);
  } else if (unmanagedRgb.length > 0) {
    notes.push('RGB colours are device RGB: fine on screen; for print, build the print edition.');
  }

  const textPerPage = (await poppler('pdftotext', ['-layout', file, '-'])).split('\f').slice(0, pages.length);
  const pagesWithoutText = textPerPage.flatMap((page, index) => (page.trim() === '' ? [index + 1] : []));
  const fullPageImages = new Set(images.fullPage);
  const rasterisedPages = pagesWithoutText.filter((page) => fullPageImages.has(page));
  for (const page of rasterisedPages) faults.push(`Page ${page} is rasterised: one picture of the whole page and no text.`);
  if (pagesWithoutText.length > rasterisedPages.length) notes.push(`${pagesWithoutText.length - rasterisedPages.length} page(s) carry no text (blank pages, or pages of pictures).`);

  return {
    file,
    pages: pages.length,
    trim,
    pagesWithoutBoxes,
    fonts,
    images: { count: images.count, minPpi: images.minPpi, maxPpi: images.maxPpi, colourSpaces: images.colourSpaces },
    pdfx: { version, outputIntent },
    unmanagedRgb,
    pagesWithoutText,
    rasterisedPages,
    faults,
    notes,
  };
}

async function imageSummary(file: string) {
  const rows = (await poppler('pdfimages', ['-list', file]))
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length > 12 && cells[2] === 'image');
  const ppis = rows.map((cells) => Number(cells[12])).filter((value) => Number.isFinite(value) && value > 0);
  // A picture of a whole page: at least 1,000 pixels across, placed at a resolution that spans the page.
  const fullPage = rows.filter((cells) => Number(cells[3]) >= 1000 && Number(cells[3]) / Number(cells[12]) > 7.5).map((cells) => Number(cells[0]));
  return {
    count: rows.length,
    minPpi: ppis.length > 0 ? Math.min(...ppis) : undefined,
    maxPpi: ppis.length > 0 ? Math.max(...ppis) : undefined,
    colourSpaces: [...new Set(rows.map((cells) => cells[5] ?? '?'))].sort(),
    fullPage,
  };
}

function text(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
