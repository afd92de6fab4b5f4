/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Register the page-foot hyphen rule on the page's break rules (`window.folioBreakRules`, asked by the orphans and
 * widows handler in `registerPagedHandlers` after its own rule): a page that would end in the first half of a
 * hyphenated word breaks a line earlier instead, so the whole word goes overleaf. Where the rule of orphans then
 * moves the paragraph overleaf whole, that is done only if the page stays two thirds full. Where it cannot, the
 * break stays and the fault finder reports the word.
 */
export function registerPageFootHyphens(): void {
  interface Context {
    rendered: Element;
    bounds: DOMRect;
    layout: { findOverflow(rendered: Element, bounds: DOMRect): Range | undefined };
    keep(range: Range): Range;
  }

  /** Whether a break falls inside a word, right after the soft hyphen a line ends at. */
  const midWord = (range: Range) => range.startContainer.nodeType === 3 && (range.startContainer.textContent ?? '')[range.startOffset - 1] === '\u00AD';

  /** The top of the element a break starts before (or of its first letter): how full the page is. */
  function topOf(range: Range): number {
    const node = range.startContainer.childNodes[range.startOffset] ?? range.startContainer;
    if (node.nodeType === 1) return (node as Element).getClientRects()[0]?.top ?? Number.NaN;
    const letter = document.createRange();
    letter.setStart(range.startContainer, range.startOffset);
    letter.setEnd(range.startContainer, Math.min(range.startOffset + 1, range.startContainer.textContent?.length ?? 0));
    return letter.getClientRects()[0]?.top ?? Number.NaN;
  }

  /** Tops of the lines of `block` before the break, on this page only (Paged.js puts what overflows in columns to the right). */
  function linesBefore(block: Element, range: Range, bounds: DOMRect): number[] {
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const tops: number[] = [];
    for (const rect of before.getClientRects()) {
      if (rect.width === 0 || rect.height === 0 || rect.left >= bounds.right - 1) continue;
      if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
    }
    return tops.sort((a, b) => a - b);
  }

  function pageFootHyphen(chosen: Range, { rendered, bounds, layout, keep }: Context): Range | undefined {
    let current = chosen;
    // A line earlier may end in a hyphen too: at most three lines up.
    for (let tries = 0; tries < 3 && midWord(current); tries += 1) {
      const block = current.startContainer.parentElement?.closest('p, li, dd, dt, blockquote, figcaption');
      if (!block || block.closest('td, th, .toc') || !rendered.contains(block)) return undefined;
      const last = linesBefore(block, current, bounds).pop();
      if (last === undefined) return undefined;
      const earlier = layout.findOverflow(rendered, { left: bounds.left, right: bounds.right, width: bounds.width, top: bounds.top, bottom: last - 1, height: last - 1 - bounds.top } as DOMRect);
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
