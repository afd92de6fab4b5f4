import type { RuleId } from '../messages/rules.js';

/** The kinds of typographic fault Folio looks for after layout (their help is in rules.ts and docs/manuscript.md). */
export type LayoutFaultKind = Extract<RuleId, `layout-${string}`>;

/** One fault found on the laid-out pages. */
export interface LayoutFault {
  readonly kind: LayoutFaultKind;
  /** The page it is on, numbered as printed. */
  readonly page: number;
  /** Where in the manuscript it comes from, as `chapter.md:12`, when it comes from a chapter. */
  readonly source?: string | undefined;
  /** What is wrong and what to do, as a sentence (without the page). */
  readonly message: string;
}
