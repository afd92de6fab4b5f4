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
    const byFont = new Map<string, { name: string | undefined; codes: Set<number> }>();
    for (const event of events) {
      if (event.kind !== 'show' || !event.unmapped?.length) continue;
      const font = byFont.get(event.font ?? '?') ?? { name: event.fontName, codes: new Set<number>() };
      for (const code of event.unmapped) font.codes.add(code);
      byFont.set(event.font ?? '?', font);
    }
    for (const [font, { name, codes }] of byFont) {
      const more = codes.size > 5 ? ` and ${codes.size - 5} more` : '';
      const listed = [...codes].slice(0, 5).map((code) => code.toString(16).padStart(4, '0')).join(', ') + more;
      const arabic = name !== undefined && arabicScript.test(name);
      const unmapped = `${codes.size} character code(s) of font /${font}${name ? ` (${name})` : ''} map to no Unicode value (no ToUnicode entry): ${listed}`;
      findings.push({ checkpoint: '10-001', page: index + 1, message: arabic ? arabicMessage(unmapped) : `${unmapped}. Searching, copying or reading aloud the text set in this font loses these characters.`, ...(arabic ? { arabicScript: true } : {}) });
    }
  });
  return findings;
}

// A font for Arabic-script text, by its name.
const arabicScript = /nastaliq|naskh|arabic|urdu|pashto|dari|kufi/i;

// Said for the author, who reads it among the build's warnings: what it means first, the codes after, and that
// there is nothing to do.
function arabicMessage(unmapped: string): string {
  return `Arabic-script text (Urdu, Pashto, Dari, Arabic) on this page cannot be searched or copied letter for letter, so the PDF cannot claim PDF/UA-1: Chromium writes its joined letters without a full mapping (${unmapped}). A known limit of Folio (docs/accessibility.md): nothing in the manuscript needs changing.`;
}
