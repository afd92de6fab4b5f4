import { PDFDocument } from 'pdf-lib';
import type { ReportConfig } from '../config/report-schema.js';
import type { PageSummary } from '../render/browser/inspect-layout.js';
import type { PartLink } from '../render/paginate.js';
import { mergeParts } from './merge-parts.js';
import { loadOptions, saveOptions } from './pdf-lib-options.js';
import { prepareForPress, type PressOptions } from './prepare-for-press.js';
import { setMetadata } from './set-metadata.js';
import { setOutlineTitles } from './set-outline-titles.js';
import { setPageLabels } from './set-page-labels.js';
import { rotateLandscapePages } from './rotate-landscape-pages.js';
import { stabiliseStructureIds } from './stabilise-structure-ids.js';
import { mapStructureRoles } from './map-structure-roles.js';
import { describeLinks } from './describe-links.js';
import type { StructureHints } from '../render/browser/mark-structure.js';
import { rewriteStructure } from './structure/rewrite-structure.js';
import { markArtifacts } from './tagging/mark-artifacts.js';
import { markBreakHyphens } from './tagging/mark-break-hyphens.js';
import { withdrawPdfUaClaim } from './set-xmp-metadata.js';
import { checkAccessibility } from '../preflight/accessibility/preflight-accessibility.js';
import type { Finding } from '../preflight/accessibility/finding.js';

/** What finishing the PDF needs. */
export interface FinishOptions {
  /** The PDF/UA part to claim in the XMP metadata: the claim stays only if the accessibility preflight passes the file. */
  readonly pdfua?: number | undefined;
  readonly config: ReportConfig;
  /** Creation and modification date, or none (never the clock). */
  readonly date: Date | undefined;
  /** The laid-out pages, for page labels. */
  readonly pages: readonly PageSummary[];
  /** For the print edition: prepare the file for press (PDF/X-4, boxes, crop marks). */
  readonly press?: PressOptions | undefined;
  /** Links between the parts of a split document. */
  readonly links?: readonly PartLink[] | undefined;
  /** The text of every heading, for the bookmarks' titles. */
  readonly headings?: readonly string[] | undefined;
  /** What the laid-out pages say about the structure (each part's, in order), for `rewriteStructure`. */
  readonly structure?: readonly StructureHints[] | undefined;
}

/** A finished PDF, and why it does not claim PDF/UA when it was asked to. */
export interface FinishedPdf {
  readonly pdf: Uint8Array;
  /** What the accessibility preflight found (06-002, the claim itself, left out): empty when it passed or did not run. */
  readonly findings: readonly Finding[];
}

/**
 * Finish the browser's PDF: one PDF of a split document's parts, document information and language, page labels
 * that match the printed folios, and stable structure ids, so unchanged input gives identical bytes; for the print
 * edition, PDF/X-4 for press. A PDF/UA claim is checked by the accessibility preflight on the finished document,
 * before it is saved (not on the saved file read back), and withdrawn when the file fails.
 * @param pdfs the PDFs Chromium printed: the document's, or its parts' in order
 * @param options metadata, date and pages
 */
export async function finishPdf(pdfs: readonly Uint8Array[], options: FinishOptions): Promise<FinishedPdf> {
  const doc = mergeParts(await Promise.all(pdfs.map((pdf) => PDFDocument.load(pdf, loadOptions))), options.links ?? []);
  setMetadata(doc, options.config, options.date, options.pdfua);
  setPageLabels(doc, options.pages);
  rotateLandscapePages(doc, options.pages);
  if (options.headings) setOutlineTitles(doc, options.headings);
  rewriteStructure(doc, options.structure ?? [], options.links ?? []);
  stabiliseStructureIds(doc);
  mapStructureRoles(doc);
  describeLinks(doc);
  markArtifacts(doc, options.pages);
  markBreakHyphens(doc);
  if (options.press) prepareForPress(doc, { ...options.press, pdfua: options.pdfua });
  const findings = options.pdfua === undefined ? [] : checkAccessibility(doc).findings.filter((finding) => finding.checkpoint !== '06-002');
  if (findings.length > 0) withdrawPdfUaClaim(doc);
  return { pdf: await doc.save(saveOptions), findings };
}
