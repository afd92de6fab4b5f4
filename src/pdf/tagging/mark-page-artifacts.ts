import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFPage, type PDFRawStream } from 'pdf-lib';
import { contentOperations, type ContentOperation } from '../content/content-operations.js';
import { GraphicsPosition, multiply, transform, type Matrix } from '../content/graphics-position.js';
import { pageContentBytes } from '../content/page-content-bytes.js';
import { type ArtifactKind, beginArtifact, type PageRegions, textArtifactKind } from './artifact-kind.js';
import { formPaintsText, xObject } from './form-paints-text.js';

/** A page's content with its artifacts marked, and the MCIDs it turned into artifacts. */
export interface MarkedPage {
  /** The new content stream, or `undefined` when nothing changed. */
  readonly bytes: Uint8Array | undefined;
  /** MCIDs no structure element holds, now artifacts. */
  readonly dropped: readonly number[];
}

const showsText = new Set(['Tj', 'TJ', "'", '"']);
const paintsPath = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const buildsPath = new Set(['m', 're']);

type Mark = 'tagged' | 'artifact' | 'other';
interface Run { start: number; end: number; kind: ArtifactKind }
export interface Edit { at: number; end: number; text: string }

/**
 * Mark as artifacts what a page paints outside tagged content, so that every painting is tagged or an artifact
 * (Matterhorn 01-005): consecutive untagged paintings of one kind go in one artifact (`/Artifact <<…>> BDC … EMC`),
 * never across the start or end of marked content or a text object. Text inside the page area that is not a
 * decorative image's is left untagged, for the preflight to report. Marked content whose MCID no structure element
 * holds becomes an artifact as well.
 * @param doc the PDF
 * @param page the page
 * @param regions its area and decorative images, in points
 * @param held the MCIDs the structure tree holds on this page (`undefined`: leave marked content as it is)
 * @param forms which Form XObjects show text, shared by all pages
 */
export function markPageArtifacts(doc: PDFDocument, page: PDFPage, regions: PageRegions, held: ReadonlySet<number> | undefined, forms: Map<PDFRawStream, boolean>): MarkedPage {
  const bytes = pageContentBytes(doc, page);
  const resources = page.node.Resources();
  const properties = resources?.lookupMaybe(PDFName.of('Properties'), PDFDict);
  const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const position = new GraphicsPosition();
  const stack: Mark[] = [];
  const edits: Edit[] = [];
  const dropped: number[] = [];
  let run: Run | undefined;
  let pathStart: number | undefined;
  let imageStart: number | undefined;
  const close = () => {
    if (!run) return;
    edits.push({ at: run.start, end: run.start, text: `${beginArtifact(run.kind)}\n` }, { at: run.end, end: run.end, text: '\nEMC' });
    run = undefined;
  };
  const kindOf = (operation: ContentOperation): ArtifactKind | undefined => {
    if (showsText.has(operation.operator)) return textArtifactKind(position.textOrigin(), regions);
    if (operation.operator !== 'Do') return 'layout';
    const drawn = xObject(xObjects, operation.operands[0]);
    if (!drawn || drawn.dict.get(PDFName.of('Subtype')) !== PDFName.of('Form') || !formPaintsText(doc, drawn, forms)) return 'layout';
    return textArtifactKind(formCentre(drawn, position.matrix), regions);
  };

  for (const operation of contentOperations(bytes, doc.context, { numbers: true })) {
    const { operator, operands } = operation;
    position.apply(operation);
    if (operator === 'BMC' || operator === 'BDC') {
      close();
      const tag = operands[0] instanceof PDFName ? operands[0].decodeText() : '';
      const found = operator === 'BDC' ? (operands[1] instanceof PDFName ? properties?.lookup(operands[1]) : operands[1]) : undefined;
      const mcid = found instanceof PDFDict ? found.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber() : undefined;
      if (tag !== 'Artifact' && mcid !== undefined && held !== undefined && !held.has(mcid) && innermost(stack) === undefined) {
        edits.push({ at: operation.start, end: operation.end, text: '/Artifact BMC' });
        dropped.push(mcid);
        stack.push('artifact');
      } else stack.push(tag === 'Artifact' ? 'artifact' : mcid === undefined ? 'other' : 'tagged');
      continue;
    }
    if (operator === 'EMC' || operator === 'BT' || operator === 'ET') {
      close();
      if (operator === 'EMC') stack.pop();
      continue;
    }
    if (buildsPath.has(operator)) pathStart ??= operation.start;
    if (operator === 'BI') imageStart = operation.start;
    const paints = showsText.has(operator) || paintsPath.has(operator) || operator === 'Do' || operator === 'sh' || operator === 'ID';
    const start = paintsPath.has(operator) ? pathStart ?? operation.start : operator === 'ID' ? imageStart ?? operation.start : operation.start;
    if (paintsPath.has(operator) || operator === 'n') pathStart = undefined;
    if (!paints || innermost(stack) !== undefined) continue;
    const kind = kindOf(operation);
    if (kind === undefined) close();
    else if (run?.kind === kind) run.end = operation.end;
    else {
      close();
      run = { start, end: operation.end, kind };
    }
  }
  close();
  return { bytes: edits.length > 0 ? applyEdits(bytes, edits) : undefined, dropped };
}

function innermost(stack: readonly Mark[]): 'tagged' | 'artifact' | undefined {
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    const mark = stack[index];
    if (mark === 'tagged' || mark === 'artifact') return mark;
  }
  return undefined;
}

/** The centre of a form's bounding box on the page, where it is drawn. */
function formCentre(form: PDFRawStream, ctm: Matrix): { x: number; y: number } {
  const numbers = (key: string, fallback: number[]) => form.dict.lookupMaybe(PDFName.of(key), PDFArray)?.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : 0)) ?? fallback;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = numbers('BBox', [0, 0, 0, 0]);
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers('Matrix', [1, 0, 0, 1, 0, 0]);
  return transform(multiply([a, b, c, d, e, f], ctm), (x0 + x1) / 2, (y0 + y1) / 2);
}

/** The bytes with each edit's range replaced by its text (inserted where the range is empty), edits in order. */
export function applyEdits(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.at - b.edit.at || a.order - b.order);
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const { edit } of sorted) {
    parts.push(bytes.subarray(offset, edit.at), Buffer.from(edit.text, 'latin1'));
    offset = edit.end;
  }
  parts.push(bytes.subarray(offset));
  return Buffer.concat(parts);
}
