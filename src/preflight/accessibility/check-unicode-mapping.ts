import type { TextEvent } from '../../pdf/content/read-text-events.js';
import type { Finding } from './finding.js';

/**
 * Matterhorn 10-001 (ISO 14289-1, 7.2 and 7.21.7): every character code a page shows maps to Unicode, through its
 * font's ToUnicode map (a code mapped to nothing, U+0000, U+FEFF or U+FFFE counts as unmapped), so search, copy and
 * read-aloud can read every glyph. Reported per page and font. Text inside Form XObjects is not read.
 * @param pages each page's text events
 */
export function checkUnicodeMapping(pages: readonly (readonly TextEvent[])[]): Finding[] {
  const findings: Finding[] = [];
  pages.forEach((events, index) => {
    const byFont = new Map<string, Set<number>>();
    for (const event of events) {
      if (event.kind !== 'show' || !event.unmapped?.length) continue;
      const codes = byFont.get(event.font ?? '?') ?? new Set<number>();
      for (const code of event.unmapped) codes.add(code);
      byFont.set(event.font ?? '?', codes);
    }
    for (const [font, codes] of byFont) {
      const listed = [...codes].slice(0, 5).map((code) => code.toString(16).padStart(4, '0')).join(', ');
      findings.push({ checkpoint: '10-001', page: index + 1, message: `${codes.size} character code(s) of font /${font} map to no Unicode value (no ToUnicode entry): ${listed}.` });
    }
  });
  return findings;
}
