/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * Hyphenation faults, on the hyphens that really break a line (the unused soft hyphens are removed before this
 * runs): a word broken across a page turn, more than two hyphenated lines in a row, a hyphen in a table cell, heading
 * or caption, and a break leaving fewer than three letters on one side.
 * @param tools the page tools
 */
export function findHyphenationFaults(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  const range = document.createRange();
  const blocks = 'p, li, dd, dt, td, th, caption, figcaption, blockquote, h1, h2, h3, h4, h5, h6';
  for (const page of tools.pages) {
    const content = tools.area(page);
    if (!content) continue;
    const at = (element: Element) => ({ page: tools.numberOf(page), source: tools.sourceOf(element) });
    // A word broken across the page turn: Paged.js adds its hyphen at the page foot.
    for (const element of content.querySelectorAll('.pagedjs_hyphen')) {
      const word = /\S+$/.exec((element.textContent ?? '').replace(/\u00AD/g, ''))?.[0] ?? '';
      faults.push({ kind: 'layout-hyphenation', ...at(element), message: `the word “${word}” is broken across the page turn: Folio could not move the line; shorten or lengthen the paragraph by a few words` });
    }
    const lines = new Map<Element, number[]>();
    // Words hyphenated in a table (by its cells) or a heading or caption, reported once for each.
    const unwanted = new Map<Element, string[]>();
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const data = node.data;
      for (let index = data.indexOf('\u00AD'); index >= 0; index = data.indexOf('\u00AD', index + 1)) {
        const block = node.parentElement?.closest(blocks);
        if (!block) continue;
        const before = /[\p{L}\u00AD]*$/u.exec(data.slice(0, index))?.[0].replace(/\u00AD/g, '') ?? '';
        const after = /^[\p{L}\u00AD]*/u.exec(data.slice(index + 1))?.[0].replace(/\u00AD/g, '') ?? '';
        const word = `${before}-${after}`;
        if (block.matches('td, th, caption, h1, h2, h3, h4, h5, h6') || block.closest('td, th')) {
          const holder = block.closest('table') ?? block;
          unwanted.set(holder, [...(unwanted.get(holder) ?? []), word]);
        } else if (after.length > 0 && (before.length < 3 || after.length < 3)) {
          faults.push({ kind: 'layout-hyphenation', ...at(block), message: `“${word}” is broken with fewer than three letters on one side: add the word to Folio's hyphenation exceptions (src/html/hyphenation-exceptions.ts)` });
        }
        range.setStart(node, Math.max(0, index - 1));
        range.setEnd(node, index);
        const top = range.getClientRects()[0]?.top;
        if (top !== undefined) lines.set(block, [...(lines.get(block) ?? []), top]);
      }
    }
    for (const [holder, words] of unwanted) {
      const where = holder.matches('table') ? 'the cells of a table' : holder.matches('caption') ? 'a caption' : 'a heading';
      const shown = [...new Set(words)].slice(0, 3).map((word) => `“${word}”`).join(', ');
      faults.push({ kind: 'layout-hyphenation', ...at(holder), message: `${words.length} word${words.length === 1 ? ' is' : 's are'} hyphenated in ${where} (${shown}): give the column more room (shorter words in the other columns, or :::table{widths="…"})` });
    }
    for (const [block, hyphenTops] of lines) {
      const tops = tools.lineTops(block);
      // Each line once: a line may hold a second soft hyphen, kept where a one-letter syllable left it unsure.
      const numbers = [...new Set(hyphenTops.map((top) => tops.findIndex((line) => Math.abs(line - top) < 4)))].filter((line) => line >= 0).sort((a, b) => a - b);
      let run = 1;
      for (let i = 1; i < numbers.length; i += 1) {
        run = numbers[i] === (numbers[i - 1] ?? -2) + 1 ? run + 1 : 1;
        if (run === 3) faults.push({ kind: 'layout-hyphenation', ...at(block), message: `${tools.describe(block)} has three hyphenated lines in a row: reword one of those lines` });
      }
    }
  }
  return faults;
}
