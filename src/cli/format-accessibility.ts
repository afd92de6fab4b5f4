import type { AccessibilityReport } from '../preflight/accessibility/preflight-accessibility.js';

/** How many findings of one checkpoint are printed before the rest are counted. */
const shown = 5;

/**
 * An accessibility preflight report for a reader: each failed Matterhorn checkpoint with its pages.
 * @param file the PDF, as the user named it
 * @param report what the accessibility preflight found
 */
export function formatAccessibility(file: string, report: AccessibilityReport): string {
  const lines = [`${file}: accessibility (PDF/UA-1, the Matterhorn Protocol's machine-checkable conditions)`, `  PDF/UA        ${report.claimsPdfUa === undefined ? 'not claimed' : `claims PDF/UA-${report.claimsPdfUa}`}`];
  const byCheckpoint = new Map<string, AccessibilityReport['findings'][number][]>();
  for (const finding of report.findings) byCheckpoint.set(finding.checkpoint, [...(byCheckpoint.get(finding.checkpoint) ?? []), finding]);
  for (const [checkpoint, findings] of byCheckpoint) {
    for (const finding of findings.slice(0, shown)) lines.push(`  ${checkpoint.padEnd(12)}  ${finding.page === undefined ? '' : `page ${finding.page}: `}${finding.message}`);
    if (findings.length > shown) lines.push(`  ${checkpoint.padEnd(12)}  … and ${findings.length - shown} more`);
  }
  lines.push(report.findings.length === 0 ? '✓ passes every machine-checkable condition Folio checks' : `✖ ${byCheckpoint.size} checkpoint(s) fail, in ${report.findings.length} place(s)`);
  return `${lines.join('\n')}\n`;
}
