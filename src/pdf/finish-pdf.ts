import { PDFDocument } from 'pdf-lib';
import type { ReportConfig } from '../config/report-schema.js';
import type { PageSummary } from '../render/browser/inspect-layout.js';
import { setMetadata } from './set-metadata.js';
import { setPageLabels } from './set-page-labels.js';
import { stabiliseStructureIds } from './stabilise-structure-ids.js';

/** What finishing the PDF needs. */
export interface FinishOptions {
  readonly config: ReportConfig;
  /** Creation and modification date, or none (never the clock). */
  readonly date: Date | undefined;
  /** The laid-out pages, for page labels. */
  readonly pages: readonly PageSummary[];
}

/**
 * Finish the browser's PDF: document information and language, page labels that match the printed folios, and
 * stable structure ids, so unchanged input gives identical bytes.
 * @param pdf the PDF Chromium printed
 * @param options metadata, date and pages
 */
export async function finishPdf(pdf: Uint8Array, options: FinishOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  setMetadata(doc, options.config, options.date);
  setPageLabels(doc, options.pages);
  stabiliseStructureIds(doc);
  return doc.save({ useObjectStreams: false });
}
