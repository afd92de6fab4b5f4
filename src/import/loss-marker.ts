/** A place in the draft where something could not be carried over, found in the document XML before conversion. */
export interface Loss {
  /** Number of the marker left in the text where it was. */
  readonly id: number;
  /** The import rule that names the kind of loss. */
  readonly rule: ImportRule;
  /** What was lost or changed, and what to do about it. */
  readonly reason: string;
  /** Text of the draft that the loss concerns, to find its line by when no marker holds its place. */
  readonly near?: string;
}

/** Rule ids of the import report (listed in rules.ts and docs/manuscript.md). */
export type ImportRule = 'import-tracked-change' | 'import-comment' | 'import-text-box' | 'import-drawing' | 'import-equation' | 'import-field' | 'import-table' | 'import-image' | 'import-converter' | 'import-guess' | 'import-header-footer';

// Private-use characters survive mammoth, rehype-remark and remark-stringify untouched and never occur in a draft's
// text, so a marker run placed where a loss was shows up on the Markdown line that now holds that place.
const open = '\uE000';
const close = '\uE001';

/** Matches every marker in a text; group 1 is its id. */
export const markerPattern = /\uE000(\d+)\uE001/g;

/**
 * The marker text for a loss.
 * @param id the loss's id
 */
export function marker(id: number): string {
  return `${open}${id}${close}`;
}
