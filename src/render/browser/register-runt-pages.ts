/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

import type { BreakContext } from './register-paged-handlers.js';

/**
 * Register the runt-page rule on the page's break rules (`window.folioBreakRules`, asked by the orphans and widows
 * handler in `registerPagedHandlers`): when the rest of a chapter after a page's break would stand alone on its last
 * page with four lines or fewer, the page breaks earlier so that five lines go over, as long as the page stays two
 * thirds full, orphans and widows hold and the new break does not split a word. Where it cannot, the break stays and
 * the fault finder reports the runt.
 */
export function registerRuntPages(): void {
  const least = 5;

  /**
   * A break before the block whose first line is at `top` (and the headings that keep with it). Paged.js finds no
   * break at a text's first letter, so a line that opens its block is broken before here.
   */
  function beforeBlockAt(top: number, { rendered, bounds, keepsWithNext }: BreakContext): Range | undefined {
    let block = [...rendered.querySelectorAll('p, li, dd, dt, blockquote, figcaption, tr, pre, figure, h1, h2, h3, h4, h5, h6')].find((element) => {
      const first = element.getClientRects()[0];
      return first && first.left < bounds.right - 1 && first.bottom > top && first.top <= top + 1;
    });
    if (!block) return undefined;
    for (let previous = block.previousElementSibling; previous && keepsWithNext(previous); previous = block.previousElementSibling) block = previous;
    const range = document.createRange();
    range.setStartBefore(block);
    range.setEndAfter(rendered.lastChild ?? rendered);
    return range;
  }

  /** Whether the chapter's last piece of text has been laid out in `rendered` (so what follows the break is all that is left of it). */
  function endsHere(chapter: Element, source: ParentNode | undefined): boolean {
    const ref = chapter.getAttribute('data-ref');
    const original = ref ? source?.querySelector(`[data-ref="${CSS.escape(ref)}"]`) : null;
    // Its last block, not the notes lists or stores kept at a chapter's end (its notes go to the page foot).
    let last = original?.lastElementChild;
    while (last?.matches('.footnotes, .footnote-store, .footnote')) last = last.previousElementSibling;
    while (last?.lastElementChild && !last.lastElementChild.matches('.footnote')) last = last.lastElementChild;
    const lastRef = last?.getAttribute('data-ref');
    return Boolean(lastRef && chapter.querySelector(`[data-ref="${CSS.escape(lastRef)}"]`));
  }

  function runtPage(chosen: Range, context: BreakContext): Range | undefined {
    const { rendered, bounds, source, keep, startNode, midWord, topOf, lines, breakAbove } = context;
    const start = startNode(chosen);
    const chapter = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest('[data-chapter]');
    if (!chapter || !rendered.contains(chapter) || !endsHere(chapter, source)) return undefined;
    const rest = document.createRange();
    rest.setStart(chosen.startContainer, chosen.startOffset);
    rest.setEnd(chapter, chapter.childNodes.length);
    const over = lines(rest);
    // Only a rest that fits on one page is a chapter's last page.
    if (over.length === 0 || over.length >= least || new Set(over.filter((line) => line.column > 0).map((line) => line.column)).size > 1) return undefined;
    const page = document.createRange();
    page.setStart(rendered, 0);
    page.setEnd(chosen.startContainer, chosen.startOffset);
    const here = lines(page).filter((line) => line.column === 0);
    const full = bounds.top + (bounds.height * 2) / 3;
    // Break `more` lines earlier; a word split there or orphans and widows may ask for one more.
    for (let more = least - over.length; more <= least - over.length + 2 && more < here.length; more += 1) {
      const top = here[here.length - more]?.top;
      if (top === undefined || top < full) return undefined;
      const earlier = breakAbove(top - 1) ?? beforeBlockAt(top, context);
      if (!earlier) return undefined;
      const judged = keep(earlier);
      if (!(topOf(judged) >= full)) return undefined;
      if (!midWord(judged)) return judged;
    }
    return undefined;
  }

  const holder = window as unknown as { folioBreakRules?: unknown[] };
  holder.folioBreakRules = [...(holder.folioBreakRules ?? []), runtPage];
}
