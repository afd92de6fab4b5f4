import { PDFDocument } from 'pdf-lib';
import { loadOptions } from '../../pdf/pdf-lib-options.js';
import { pageContentBytes } from '../../pdf/content/page-content-bytes.js';
import { type FontCache, readTextEvents } from '../../pdf/content/read-text-events.js';
import { checkAnnotations } from './check-annotations.js';
import { checkBreakHyphens } from './check-break-hyphens.js';
import { checkContentTagged } from './check-content-tagged.js';
import { checkFigures } from './check-figures.js';
import { checkHeadings } from './check-headings.js';
import { checkLists } from './check-lists.js';
import { checkMetadata } from './check-metadata.js';
import { checkNotes } from './check-notes.js';
import { checkRoleMap } from './check-role-map.js';
import { checkTables } from './check-tables.js';
import { checkToc } from './check-toc.js';
import { checkUnicodeMapping } from './check-unicode-mapping.js';
import type { Finding } from './finding.js';
import { type PageContent, pageContentTracker } from './page-content.js';
import { readStructure } from './read-structure.js';

/** What the accessibility preflight finds in a PDF. */
export interface AccessibilityReport {
  readonly pages: number;
  /** The PDF/UA part the file claims in its XMP metadata, if any. */
  readonly claimsPdfUa: number | undefined;
  /** Every failed condition, by Matterhorn checkpoint, in checkpoint order. */
  readonly findings: readonly Finding[];
}

/**
 * Check a finished PDF against the machine-checkable conditions of the Matterhorn Protocol (PDF/UA-1) that Folio's
 * output can fail: content tagged or artifact, the parent tree, role map, metadata and title, language, headings,
 * figures' alt text, list, table and contents structure, notes' IDs, link annotations, every shown character
 * code mapped to Unicode, and hyphens that break lines marked. A file that claims PDF/UA while failing
 * any of them fails 06-002 as well.
 * @param pdf the PDF's bytes
 */
export async function preflightAccessibility(pdf: Uint8Array): Promise<AccessibilityReport> {
  return checkAccessibility(await PDFDocument.load(pdf, loadOptions));
}

/**
 * The accessibility preflight on a document in memory (the build checks the PDF it finishes before saving it,
 * rather than reading the saved file back). Reads the document, changes nothing.
 * @param doc the PDF
 */
export function checkAccessibility(doc: PDFDocument): AccessibilityReport {
  const structure = readStructure(doc);
  // Each page's content is read once, for its text and for how its painting is marked.
  const fonts: FontCache = new Map();
  const pages: PageContent[] = [];
  const text = doc.getPages().map((page) => {
    const tracker = pageContentTracker(page);
    const events = readTextEvents(doc, page, pageContentBytes(doc, page), fonts, tracker.observe);
    pages.push(tracker.content());
    return events;
  });
  const metadata = checkMetadata(doc);
  const findings = [
    ...checkContentTagged(doc, structure, pages),
    ...checkRoleMap(structure),
    ...metadata.findings,
    ...checkHeadings(structure),
    ...checkFigures(structure),
    ...checkLists(structure),
    ...checkTables(structure),
    ...checkToc(structure),
    ...checkNotes(structure),
    ...checkAnnotations(doc, structure),
    ...checkUnicodeMapping(text),
    ...checkBreakHyphens(text),
  ];
  if (metadata.claimsPdfUa !== undefined && findings.length > 0) {
    findings.push({ checkpoint: '06-002', message: `The file claims PDF/UA-${metadata.claimsPdfUa} but fails ${new Set(findings.map((finding) => finding.checkpoint)).size} checkpoint(s).` });
  }
  findings.sort((a, b) => a.checkpoint.localeCompare(b.checkpoint) || (a.page ?? 0) - (b.page ?? 0));
  return { pages: pages.length, claimsPdfUa: metadata.claimsPdfUa, findings };
}
