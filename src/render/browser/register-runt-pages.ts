/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Register the runt-page rule on the page's break rules (`window.folioBreakRules`, asked by the orphans and widows
 * handler in `registerPagedHandlers`): when the rest of a chapter after a page's break would stand alone on its last
 * page with four lines or fewer, the page breaks earlier so that five lines go over, as long as the page stays two
 * thirds full, orphans and widows hold and the new break does not split a word. Where it cannot, the break stays and
 * the fault finder reports the runt.
 */
export function registerRuntPages(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;
  interface Context {
    rendered: Element;
    bounds: DOMRect;
    layout: { findOverflow(rendered: Element, bounds: DOMRect): Range | undefined; gap?: number };
    keep(range: Range): Range;
  }
  const least = 5;

  /** Line tops of a range, told apart by the column Paged.js lays overflowing content in (0: this page), `gap` apart. */
  function lines(range: Range, bounds: DOMRect, gap: number): { top: number; column: number }[] {
    const found: { top: number; column: number }[] = [];
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      const column = Math.floor((rect.left + 2 - bounds.left) / (bounds.width + gap));
      if (!found.some((line) => line.column === column && Math.abs(line.top - rect.top) < rect.height / 2)) found.push({ top: rect.top, column });
    }
    return found.sort((a, b) => a.column - b.column || a.top - b.top);
  }

  /** Whether an element keeps with the next (`break-after: avoid`, which Paged.js moves from the CSS to `data-break-after`). */
  const keepsWithNext = (element: Element) => element.getAttribute('data-break-after') === 'avoid' || getComputedStyle(element).breakAfter === 'avoid';

  /** The node a break starts at (the element it starts before, or its text). */
  const nodeAt = (range: Range) => range.startContainer.childNodes[range.startOffset] ?? range.startContainer;
  const midWord = (range: Range) => range.startContainer.nodeType === 3 && (range.startContainer.textContent ?? '')[range.startOffset - 1] === '\u00AD';

  /** The top of the place a break starts at: how full the page is. */
  function breakTop(range: Range): number {
    const node = nodeAt(range);
    if (node.nodeType === 1) return (node as Element).getClientRects()[0]?.top ?? Number.NaN;
    const caret = document.createRange();
    caret.setStart(range.startContainer, range.startOffset);
    caret.setEnd(range.startContainer, Math.min(range.startOffset + 1, range.startContainer.textContent?.length ?? 0));
    return caret.getClientRects()[0]?.top ?? Number.NaN;
  }

  /**
   * A break before the block whose first line is at `top` (and the headings that keep with it). Paged.js finds no
   * break at a text's first letter, so a line that opens its block is broken before here.
   */
  function beforeBlockAt(top: number, rendered: Element, bounds: DOMRect): Range | undefined {
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

  function runtPage(chosen: Range, { rendered, bounds, layout, keep }: Context, source: ParentNode | undefined): Range | undefined {
    const start = nodeAt(chosen);
    const chapter = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest('[data-chapter]');
    if (!chapter || !rendered.contains(chapter) || !endsHere(chapter, source)) return undefined;
    const rest = document.createRange();
    rest.setStart(chosen.startContainer, chosen.startOffset);
    rest.setEnd(chapter, chapter.childNodes.length);
    const over = lines(rest, bounds, layout.gap ?? 0);
    // Only a rest that fits on one page is a chapter's last page.
    if (over.length === 0 || over.length >= least || new Set(over.filter((line) => line.column > 0).map((line) => line.column)).size > 1) return undefined;
    const page = document.createRange();
    page.setStart(rendered, 0);
    page.setEnd(chosen.startContainer, chosen.startOffset);
    const here = lines(page, bounds, layout.gap ?? 0).filter((line) => line.column === 0);
    const full = bounds.top + (bounds.height * 2) / 3;
    // Break `more` lines earlier; a word split there or orphans and widows may ask for one more.
    for (let more = least - over.length; more <= least - over.length + 2 && more < here.length; more += 1) {
      const top = here[here.length - more]?.top;
      if (top === undefined || top < full) return undefined;
      const earlier = layout.findOverflow(rendered, { left: bounds.left, right: bounds.right, width: bounds.width, top: bounds.top, bottom: top - 1, height: top - 1 - bounds.top } as DOMRect) ?? beforeBlockAt(top, rendered, bounds);
      if (!earlier) return undefined;
      const judged = keep(earlier);
      if (!(breakTop(judged) >= full)) return undefined;
      if (!midWord(judged)) return judged;
    }
    return undefined;
  }

  class RuntPages extends Paged.Handler {
    constructor(chunker: { source?: ParentNode }, polisher: unknown, caller: unknown) {
      super(chunker, polisher, caller);
      const holder = window as unknown as { folioBreakRules?: unknown[] };
      holder.folioBreakRules = [...(holder.folioBreakRules ?? []), (chosen: Range, context: Context) => runtPage(chosen, context, chunker.source)];
    }
  }

  Paged.registerHandlers(RuntPages);
}
