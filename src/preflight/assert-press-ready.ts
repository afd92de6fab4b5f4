import { FolioError } from '../messages/folio-error.js';
import { preflight, type PreflightReport } from './preflight.js';

/**
 * Preflight a freshly written print edition and refuse it if a print shop would: the caller then keeps the
 * previous file in place.
 * @param written the file just written (a temporary name)
 * @param target the name it will have, for the report
 * @param source the manuscript line a page (1-based) starts with, when known
 * @returns the report, when the file passes
 */
export async function assertPressReady(written: string, target: string, source?: (page: number) => string | undefined): Promise<PreflightReport> {
  const report = { ...(await preflight(written, { asPrint: true, source })), file: target };
  if (report.faults.length > 0) {
    throw new FolioError(`The print edition would be rejected by a print shop, so it was not written:\n  ${report.faults.join('\n  ')}`);
  }
  return report;
}
