import type { Finding } from './finding.js';

/** How many places are named before the rest are counted. */
const named = 8;

/**
 * Warnings for the build when its PDF fails the accessibility preflight and so does not claim PDF/UA (none when it
 * passes): each failed
 * checkpoint with its page and, where the page holds chapter text, the manuscript line it starts with.
 * @param findings what the preflight found (the claim's own 06-002 left out)
 * @param sourceOf the manuscript line a finding's page starts with (`chapter.md:12`), or the page's first passage in
 * Arabic script for a finding about such text, if any
 */
export function accessibilityWarnings(findings: readonly Finding[], sourceOf: (finding: Finding) => string | undefined): string[] {
  if (findings.length === 0) return [];
  const checkpoints = new Set(findings.map((finding) => finding.checkpoint)).size;
  // Folio's known limit alone: the author is told at once that there is nothing to mend.
  const lines = findings.every((finding) => finding.arabicScript)
    ? ['The PDF does not claim PDF/UA-1 only because its Arabic-script text cannot be searched or copied letter for letter, a known limit of Folio: nothing in the manuscript needs changing.']
    : [`The PDF does not claim PDF/UA-1: ${checkpoints} accessibility checkpoint(s) of the Matterhorn Protocol fail (run folio preflight --accessibility on it for the whole list).`];
  for (const finding of findings.slice(0, named)) {
    const source = finding.page === undefined ? undefined : sourceOf(finding);
    lines.push(`${source ? `${source}: ` : ''}${finding.page === undefined ? '' : `page ${finding.page}: `}${finding.checkpoint} ${finding.message}`);
  }
  if (findings.length > named) lines.push(`… and ${findings.length - named} more`);
  return lines;
}
