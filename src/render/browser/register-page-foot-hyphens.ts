/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

import type { BreakContext } from './register-paged-handlers.js';

/**
 * Register the page-foot hyphen rule on the page's break rules (`window.folioBreakRules`, asked by the orphans and
 * widows handler in `registerPagedHandlers` after its own rule): a page that would end in the first half of a
 * hyphenated word breaks a line earlier instead, so the whole word goes overleaf. Where the rule of orphans then
 * moves the paragraph overleaf whole, that is done only if the page stays two thirds full. Where it cannot, the
 * break stays and the fault finder reports the word.
 */
export function registerPageFootHyphens(): void {
  function pageFootHyphen(chosen: Range, { rendered, bounds, keep, midWord, topOf, lines, breakAbove }: BreakContext): Range | undefined {
    let current = chosen;
    // A line earlier may end in a hyphen too: at most three lines up.
    for (let tries = 0; tries < 3 && midWord(current); tries += 1) {
      const block = current.startContainer.parentElement?.closest('p, li, dd, dt, blockquote, figcaption');
      if (!block || block.closest('td, th, .toc') || !rendered.contains(block)) return undefined;
      // The last line of the block before the break on this page (what overflows stands in columns to the right).
      const before = document.createRange();
      before.setStart(block, 0);
      before.setEnd(current.startContainer, current.startOffset);
      const last = lines(before).filter((line) => line.column === 0).pop()?.top;
      if (last === undefined) return undefined;
      const earlier = breakAbove(last - 1);
      if (!earlier) return undefined;
      const judged = keep(earlier);
      if (judged.compareBoundaryPoints(Range.START_TO_START, current) >= 0) return undefined;
      // Orphans moved the paragraph overleaf whole (with what keeps with it): only if the page stays two thirds full.
      if (!block.contains(judged.startContainer)) return topOf(judged) >= bounds.top + (bounds.height * 2) / 3 ? judged : undefined;
      current = judged;
    }
    return midWord(current) ? undefined : current;
  }

  const holder = window as unknown as { folioBreakRules?: unknown[] };
  holder.folioBreakRules = [...(holder.folioBreakRules ?? []), pageFootHyphen];
}
