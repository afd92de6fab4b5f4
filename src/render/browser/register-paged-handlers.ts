/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/** Paged.js's layout of one page, as the break rules use it. */
export interface Layout {
  findOverflow(rendered: Element, bounds: DOMRect): Range | undefined;
  /** How far apart Paged.js's overflow columns stand beyond a page's width. */
  gap?: number;
}

/** A line of text a range covers: its top, and the column Paged.js laid it in (0: this page, 1 and on: overflow). */
export interface Line {
  top: number;
  column: number;
}

/**
 * What a page-foot rule is handed with a break (by `KeepLinesTogether`): the page, the source document, and the
 * measures every rule takes of a break, written once here since a rule's own file cannot import them.
 */
export interface BreakContext {
  rendered: Element;
  bounds: DOMRect;
  layout: Layout;
  /** The whole document Paged.js lays out (to count what has not been laid out yet). */
  source: ParentNode | undefined;
  /** The break judged by orphans and widows and the rules before this one. */
  keep(range: Range): Range;
  /** The node a break starts at: the element it starts before, or its text. */
  startNode(range: Range): Node;
  /** Whether a break falls inside a word, right after the soft hyphen a line ends at. */
  midWord(range: Range): boolean;
  /** The top of the place a break starts at (the element it starts before, or its first letter): how full the page is. */
  topOf(range: Range): number;
  /**
   * The lines a range covers, in order (by column, then top). Pieces of a line are one line when they stand in one
   * column less than `tolerance` apart (default: half the piece's height).
   */
  lines(range: Range, tolerance?: number): Line[];
  /** The break Paged.js finds with the page's foot raised to `bottom`. */
  breakAbove(bottom: number): Range | undefined;
  /** A break before `target` (to the end of `found`), or undefined when nothing would be left on the page. */
  breakBefore(target: Element, found: Range): Range | undefined;
  /** Whether an element keeps with the one after it (`break-after: avoid`, as Paged.js leaves it on the element). */
  keepsWithNext(element: Element): boolean;
}

/** A page-foot rule (registered by another file on `window.folioBreakRules`): it may answer an earlier break. */
export type BreakRule = (chosen: Range, context: BreakContext) => Range | undefined;

/**
 * Register Folio's Paged.js handlers before pagination starts:
 * - repeat a split table's header row at the top of every page it continues on (Paged.js does not);
 * - keep at least `orphans` lines of a paragraph at a page foot and `widows` lines at the next page head,
 *   moving headings and other `break-after: avoid` elements along with what follows them, then ask the page-foot
 *   rules other files register on `window.folioBreakRules` (a word across the turn, table rows, runt pages),
 *   handing each the measures they share (`BreakContext`), which their own files cannot import.
 */
export function registerPagedHandlers(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;

  class RepeatTableHeaders extends Paged.Handler {
    renderNode(clone: Node, node: Node): void {
      const element = clone.nodeType === 1 ? (clone as Element) : clone.parentElement;
      const table = element?.closest('table');
      if (!table || !table.hasAttribute('data-split-from') || table.querySelector(':scope > thead')) return;
      const source = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('table');
      const head = source?.querySelector(':scope > thead');
      if (!head) return;
      const copy = head.cloneNode(true) as Element;
      for (const item of [copy, ...copy.querySelectorAll('[data-ref]')]) item.removeAttribute('data-ref');
      copy.setAttribute('data-repeated-header', '');
      table.insertBefore(copy, table.querySelector(':scope > tbody, :scope > tr'));
    }
  }

  /**
   * The lines a range covers (see `BreakContext.lines`). Paged.js lets overflowing content run into CSS columns
   * beside the page, a page's width plus `gap` apart, so a line is told apart by its column as well as its top.
   */
  function lines(range: Range, bounds: DOMRect, gap: number, tolerance?: number): Line[] {
    const found: Line[] = [];
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      const column = Math.floor((rect.left + 2 - bounds.left) / (bounds.width + gap));
      const within = tolerance ?? rect.height / 2;
      if (!found.some((line) => line.column === column && Math.abs(line.top - rect.top) < within)) found.push({ top: rect.top, column });
    }
    return found.sort((a, b) => a.column - b.column || a.top - b.top);
  }

  /** The node a break starts at: the element it starts before, or its text. */
  const startNode = (range: Range): Node => range.startContainer.childNodes[range.startOffset] ?? range.startContainer;

  /** Whether a break falls inside a word, right after the soft hyphen a line ends at. */
  const midWord = (range: Range): boolean => range.startContainer.nodeType === 3 && (range.startContainer.textContent ?? '')[range.startOffset - 1] === '\u00AD';

  /** The top of the place a break starts at (the element it starts before, or its first letter). */
  function topOf(range: Range): number {
    const node = startNode(range);
    if (node.nodeType === 1) return (node as Element).getClientRects()[0]?.top ?? Number.NaN;
    const letter = document.createRange();
    letter.setStart(range.startContainer, range.startOffset);
    letter.setEnd(range.startContainer, Math.min(range.startOffset + 1, range.startContainer.textContent?.length ?? 0));
    return letter.getClientRects()[0]?.top ?? Number.NaN;
  }

  /** The break Paged.js finds on the page with its foot raised to `bottom`. */
  function breakAbove(rendered: Element, bounds: DOMRect, layout: Layout, bottom: number): Range | undefined {
    return layout.findOverflow(rendered, { left: bounds.left, right: bounds.right, width: bounds.width, top: bounds.top, bottom, height: bottom - bounds.top } as DOMRect);
  }

  /** A break before `target` to the end of `found`; none when `target` opens the page (nothing would be left on it). */
  function breakBefore(target: Element, found: Range, bounds: DOMRect): Range | undefined {
    // The first fragment's top, not the union box's.
    if ((target.getClientRects()[0]?.top ?? bounds.top) <= bounds.top + 1) return undefined;
    const moved = document.createRange();
    moved.setStartBefore(target);
    moved.setEnd(found.endContainer, found.endOffset);
    return moved;
  }

  /**
   * Tops of the lines of `block` before (or after) the start of `overflow`. Before the break only this page's
   * column counts: Chromium may place the letter after a soft-hyphen break at the top of the next one.
   */
  function linesBetween(block: Element, overflow: Range, side: 'before' | 'after', bounds: DOMRect, gap: number): number[] {
    const style = getComputedStyle(block);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    const range = document.createRange();
    if (side === 'before') {
      range.setStart(block, 0);
      range.setEnd(overflow.startContainer, overflow.startOffset);
    } else {
      range.setStart(overflow.startContainer, overflow.startOffset);
      range.setEnd(block, block.childNodes.length);
    }
    return lines(range, bounds, gap, lineHeight / 2)
      .filter((line) => side === 'after' || line.column === 0)
      .map((line) => line.top);
  }

  /**
   * Whether an element keeps with the one after it. Paged.js takes `break-after` out of the style sheets and leaves
   * it on the elements as `data-break-after`, so the computed style alone never says `avoid` for a heading.
   */
  const keepsWithNext = (element: Element) => element.getAttribute('data-break-after') === 'avoid' || getComputedStyle(element).breakAfter === 'avoid';

  /** The element to move to the next page with `block`: climb to first children's parents and over `break-after: avoid`. */
  function keepWithPrevious(block: Element, rendered: Element): Element {
    let target = block;
    for (;;) {
      const previous = target.previousElementSibling;
      if (!previous) {
        const parent = target.parentElement;
        if (!parent || parent === rendered || !rendered.contains(parent)) return target;
        target = parent;
      } else if (keepsWithNext(previous)) {
        target = previous;
      } else {
        return target;
      }
    }
  }

  /**
   * Paged.js looks for the first letter beyond the page, but Chromium reports the letter right after a
   * soft-hyphen line break as still on the line before; that letter would be lost. Break right after the hyphen.
   */
  function afterSoftHyphen(overflow: Range): Range {
    const node = overflow.startContainer;
    if (node.nodeType !== 3) return overflow;
    const text = node.textContent ?? '';
    let offset = overflow.startOffset;
    while (offset > 0 && /[^\s\u00AD]/.test(text[offset - 1] ?? '')) offset -= 1;
    if (offset === overflow.startOffset || text[offset - 1] !== '\u00AD') return overflow;
    const fixed = document.createRange();
    fixed.setStart(node, offset);
    fixed.setEnd(overflow.endContainer, overflow.endOffset);
    return fixed;
  }

  /**
   * The rule of orphans and widows on one break: an earlier break (inside the block, or before it and what keeps
   * with it), or `undefined` when it stands (mended only after a soft hyphen).
   */
  function keepLines(found: Range, rendered: Element, bounds: DOMRect, layout: Layout): Range | undefined {
    const overflow = afterSoftHyphen(found);
    const unchanged = overflow === found ? undefined : overflow;
    const gap = layout.gap ?? 0;
    try {
      const blocks = 'p, li, dd, dt, blockquote, figcaption';
      const node = overflow.startContainer;
      const start = (node.nodeType === 3 ? node.parentElement : (node as Element))?.closest(blocks);
      if (!start || start.closest('td, th, .toc') || !rendered.contains(start)) return unchanged;
      let block: Element = start;
      let linesBefore = linesBetween(block, overflow, 'before', bounds, gap);
      // A break right at the start of a nested block (a sub-list) really splits the block around it.
      while (linesBefore.length === 0) {
        const outer: Element | null | undefined = block.parentElement?.closest(blocks);
        if (!outer || !rendered.contains(outer)) return unchanged;
        block = outer;
        linesBefore = linesBetween(block, overflow, 'before', bounds, gap);
      }
      const style = getComputedStyle(block);
      const orphans = parseInt(style.getPropertyValue('--orphans'), 10) || 1;
      const widows = parseInt(style.getPropertyValue('--widows'), 10) || 1;
      const linesAfter = linesBetween(block, overflow, 'after', bounds, gap).length;
      if (linesBefore.length >= orphans && linesAfter >= widows) return unchanged;

      const needed = widows - linesAfter;
      if (linesBefore.length >= orphans && linesBefore.length - needed >= orphans) {
        // Too few lines would go over: break earlier inside the block, leaving `widows` lines for the next page.
        const top = linesBefore[linesBefore.length - needed];
        const above = linesBefore[linesBefore.length - needed - 1];
        if (top === undefined || above === undefined) return unchanged;
        // Halfway between that line and the one above: Paged.js rounds the letters' tops, and a letter's box may
        // start a hair above its line's, so a bound at the line's own top could let the whole line stay.
        const bottom = (above + top) / 2;
        const earlier = breakAbove(rendered, bounds, layout, bottom);
        return earlier ? afterSoftHyphen(earlier) : unchanged;
      }
      // Too few lines would stay: move the whole block, and what must stay with it, to the next page (unless nothing
      // would be left on the page: then the block breaks after all).
      return breakBefore(keepWithPrevious(block, rendered), overflow, bounds) ?? unchanged;
    } catch {
      return unchanged;
    }
  }

  class KeepLinesTogether extends Paged.Handler {
    onOverflow(found: Range | undefined, rendered: Element, bounds: DOMRect, layout: Layout): Range | undefined {
      if (!found) return undefined;
      const rules = (window as unknown as { folioBreakRules?: BreakRule[] }).folioBreakRules ?? [];
      const gap = layout.gap ?? 0;
      const tools = {
        rendered,
        bounds,
        layout,
        source: (this as unknown as { chunker?: { source?: ParentNode } }).chunker?.source,
        startNode,
        midWord,
        topOf,
        lines: (range: Range, tolerance?: number) => lines(range, bounds, gap, tolerance),
        breakAbove: (bottom: number) => breakAbove(rendered, bounds, layout, bottom),
        breakBefore: (target: Element, from: Range) => breakBefore(target, from, bounds),
        keepsWithNext,
      };
      // A break judged by the rule of orphans and widows, then by the first `count` page-foot rules.
      const judge = (count: number) => (range: Range): Range => {
        let chosen = keepLines(range, rendered, bounds, layout) ?? range;
        for (const [index, rule] of rules.slice(0, count).entries()) {
          try {
            chosen = rule(chosen, { ...tools, keep: judge(index) }) ?? chosen;
          } catch {
            // A rule that fails leaves the break as it was: the fault finder reports what is left.
          }
        }
        return chosen;
      };
      // The page-foot rules (a word broken across the turn, a table's rows, a runt page) may choose an earlier
      // break; each has the breaks it tries judged by orphans and widows and the rules before it.
      const chosen = judge(rules.length)(found);
      return chosen === found ? undefined : chosen;
    }
  }

  /** Tell Folio (through the console) how far the layout has got, for progress and for naming where it stalls. */
  class ReportProgress extends Paged.Handler {
    afterPageLayout(pageElement: Element, page: { position: number }): void {
      const placed = pageElement.querySelectorAll<HTMLElement>('[data-line]');
      const last = placed[placed.length - 1];
      const chapter = last?.closest<HTMLElement>('[data-source]')?.dataset['source'];
      console.debug(`folio:progress ${JSON.stringify({ page: page.position + 1, source: chapter ? `${chapter}:${last?.dataset['line'] ?? '?'}` : undefined })}`);
    }
  }

  Paged.registerHandlers(RepeatTableHeaders, KeepLinesTogether, ReportProgress);
}
