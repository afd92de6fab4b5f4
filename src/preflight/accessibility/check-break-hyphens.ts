import type { TextEvent } from '../../pdf/content/read-text-events.js';
import { findBreakHyphens } from '../../pdf/tagging/find-break-hyphens.js';
import type { Finding } from './finding.js';

/**
 * ISO 32000-1, 14.8.2.2.3 (incidental artifacts: hyphenation): a hyphen that breaks a word at a line's end is not
 * a letter of the text. Chromium draws it as a glyph mapped to U+002D after the soft hyphen's span, so the text
 * layer reads "impor-" / "tant"; Folio marks it with /ActualText. One left unmarked is reported on its page.
 * @param pages each page's text events
 */
export function checkBreakHyphens(pages: readonly (readonly TextEvent[])[]): Finding[] {
  const findings: Finding[] = [];
  pages.forEach((events, index) => {
    const unmarked = findBreakHyphens(events).filter((found) => !found.marked);
    if (unmarked.length === 0) return;
    const words = unmarked.slice(0, 3).map((found) => `"${found.word}"`).join(', ');
    findings.push({ checkpoint: 'ISO 32000-1 14.8.2.2.3', page: index + 1, message: `${unmarked.length} hyphen(s) that break a word at a line's end are read as text (a hyphen, U+002D), not marked with /ActualText: ${words}.` });
  });
  return findings;
}
