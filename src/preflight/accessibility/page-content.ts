import { PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFPage } from 'pdf-lib';
import { type ContentOperation, contentOperations } from '../../pdf/content/content-operations.js';
import { pageContentBytes } from '../../pdf/content/page-content-bytes.js';

/** What a page's content stream paints, and how it is marked. */
export interface PageContent {
  /** Painting operations neither in tagged content (with an MCID) nor in an artifact. */
  readonly untagged: number;
  /** The operator of the first untagged painting, for the message. */
  readonly firstUntagged: string | undefined;
  /** Artifacts inside tagged content, and tagged content inside artifacts. */
  readonly artifactInTagged: number;
  readonly taggedInArtifact: number;
  /** The marked-content ids the page uses. */
  readonly mcids: readonly number[];
}

// Text, path painting (not `n`, which only ends a clip), XObjects, shadings and inline images.
const painting = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'ID']);

type Mark = 'tagged' | 'artifact' | 'other';

/** Follows one page's content stream, operation by operation, for {@link PageContent}. */
export interface PageContentTracker {
  /** Take in the stream's next operation. */
  readonly observe: (operation: ContentOperation) => void;
  /** What the operations taken in so far paint and how they are marked. */
  content(): PageContent;
}

/**
 * Walk a page's content for marked content: what is painted outside both tagged content and artifacts
 * (Matterhorn 01-005), how artifacts and tagged content nest (01-003, 01-004), and which MCIDs it uses. It is
 * fed the operations of a read made for another purpose too (the preflight's text events): the page is parsed once.
 * @param page the page, for the marked-content properties its operations name
 */
export function pageContentTracker(page: PDFPage): PageContentTracker {
  const properties = page.node.Resources()?.lookupMaybe(PDFName.of('Properties'), PDFDict);
  const stack: Mark[] = [];
  const mcids: number[] = [];
  let untagged = 0;
  let firstUntagged: string | undefined;
  let artifactInTagged = 0;
  let taggedInArtifact = 0;
  return {
    observe({ operator, operands }) {
      if (operator === 'BMC' || operator === 'BDC') {
        const tag = operands[0] instanceof PDFName ? operands[0].decodeText() : '';
        const found = operator === 'BDC' ? (operands[1] instanceof PDFName ? properties?.lookup(operands[1]) : operands[1]) : undefined;
        const mcid = found instanceof PDFDict ? found.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber() : undefined;
        const mark: Mark = tag === 'Artifact' ? 'artifact' : mcid === undefined ? 'other' : 'tagged';
        const outer = innermost(stack);
        if (mark === 'artifact' && outer === 'tagged') artifactInTagged += 1;
        if (mark === 'tagged' && outer === 'artifact') taggedInArtifact += 1;
        if (mcid !== undefined) mcids.push(mcid);
        stack.push(mark);
      } else if (operator === 'EMC') {
        stack.pop();
      } else if (painting.has(operator) && innermost(stack) === undefined) {
        untagged += 1;
        firstUntagged ??= operator;
      }
    },
    content: () => ({ untagged, firstUntagged, artifactInTagged, taggedInArtifact, mcids }),
  };
}

/**
 * A page's marked content read on its own (the preflight reads it with the page's text: `pageContentTracker`).
 * @param doc the PDF
 * @param page the page
 */
export function readPageContent(doc: PDFDocument, page: PDFPage): PageContent {
  const tracker = pageContentTracker(page);
  for (const operation of contentOperations(pageContentBytes(doc, page), doc.context)) tracker.observe(operation);
  return tracker.content();
}

function innermost(stack: readonly Mark[]): 'tagged' | 'artifact' | undefined {
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    const mark = stack[index];
    if (mark === 'tagged' || mark === 'artifact') return mark;
  }
  return undefined;
}
