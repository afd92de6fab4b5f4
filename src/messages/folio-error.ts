/** A failure outside the manuscript (no browser, a render that timed out): a sentence that says what to do. */
export class FolioError extends Error {
  override name = 'FolioError';
}
