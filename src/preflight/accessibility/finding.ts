/** One failed condition of the accessibility preflight. */
export interface Finding {
  /** The Matterhorn Protocol checkpoint (e.g. `01-005`), or the ISO 32000-1 clause for structure the protocol presumes. */
  readonly checkpoint: string;
  /** The 1-based page, when the failure is on one. */
  readonly page?: number | undefined;
  readonly message: string;
  /**
   * Text in Arabic script is what fails (10-001 of an Arabic-script font): the build's warning names the page's first
   * passage in that script rather than the line the page starts with.
   */
  readonly arabicScript?: boolean | undefined;
}
