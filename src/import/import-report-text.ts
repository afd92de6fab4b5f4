import type { VFile } from 'vfile';
import { formatMessages } from '../cli/format-messages.js';

/**
 * The import report as written beside the manuscript: what was carried over, then every place where something
 * was not, or needs confirming, as `file:line:column  warning  what  rule`.
 * @param summary what was carried over
 * @param files the files carrying the import's messages
 */
export function importReportText(summary: string, files: readonly VFile[]): string {
  const messages = formatMessages(files);
  return `${summary}\n\n${messages ? `To check:\n${messages}` : 'Nothing was left out and nothing needs confirming.\n'}`;
}
