import { type Document, visit } from 'yaml';

/**
 * Keep the paragraphs of `>` folded blocks: YAML folds a blank line between paragraphs into a single line break,
 * which Folio (splitting paragraphs on blank lines) would read as one paragraph; every break there becomes a blank line.
 * @param doc the parsed report.yaml, changed in place
 */
export function unfoldParagraphs(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      // In a folded block a line break in the value only comes from a blank line (or a more-indented line) in the file.
      if (node.type === 'BLOCK_FOLDED' && typeof node.value === 'string') node.value = node.value.replace(/\n+/g, '\n\n');
    },
  });
}
