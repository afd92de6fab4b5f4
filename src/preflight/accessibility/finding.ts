/** One failed condition of the accessibility preflight. */
export interface Finding {
  /** The Matterhorn Protocol checkpoint (e.g. `01-005`), or the ISO 32000-1 clause for structure the protocol presumes. */
  readonly checkpoint: string;
  /** The 1-based page, when the failure is on one. */
  readonly page?: number | undefined;
  readonly message: string;
}
