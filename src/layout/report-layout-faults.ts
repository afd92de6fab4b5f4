import { VFile } from 'vfile';
import type { Reporter } from '../cli/reporter.js';
import { warning } from '../messages/emit.js';
import type { LayoutFault } from './layout-fault.js';

/**
 * Report the faults left after layout as positioned warnings on the chapters they come from
 * (`policy.md:42:1  warning  page 13: …  layout-table-break`), and the few without a chapter line by page.
 * @param faults the faults
 * @param files the manuscript's files, to place the warnings in
 * @param reporter the one reporter
 */
export function reportLayoutFaults(faults: readonly LayoutFault[], files: readonly VFile[], reporter: Reporter): void {
  // Copies: the manuscript's own files keep only what `folio check` found, which was reported already.
  const copies = new Map<VFile, VFile>();
  for (const fault of faults) {
    const [name, line] = fault.source?.split(/:(?=\d+$)/) ?? [];
    const file = files.find((candidate) => candidate.basename === name);
    if (!file || !line) {
      reporter.warning(`page ${fault.page}: ${fault.message}  ${fault.kind}`);
      continue;
    }
    const copy = copies.get(file) ?? new VFile({ path: file.path, cwd: file.cwd, value: file.value });
    copies.set(file, copy);
    warning(copy, `page ${fault.page}: ${fault.message}`, fault.kind, { line: Number(line), column: 1 });
  }
  if (copies.size > 0) reporter.messages([...copies.values()]);
}
