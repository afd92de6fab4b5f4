/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

import type { BreakContext } from './register-paged-handlers.js';

/**
 * Register the contents rule on the page's break rules (`window.folioBreakRules`, asked by the orphans and widows
 * handler in `registerPagedHandlers`, which leaves the contents and the lists of figures and tables to it):
 * - an entry of two lines or more is never split across the page: it goes overleaf whole;
 * - a chapter's own line never stands at the page foot without any of its entries: it goes overleaf with them, as a
 *   heading keeps with its text;
 * - a chapter's group of entries broken across a page keeps at least two of its entries overleaf (the page breaks
 *   an entry earlier), the way a paragraph keeps two lines: one entry alone overleaf reads as a widow.
 */
export function registerContentsBreaks(): void {
  const least = 2;

  /** Whether the page breaks inside an entry's own lines, its `link` (after some of its text), not before it or in its group. */
  function splitsEntry(link: Element | null, chosen: Range): boolean {
    if (!link?.contains(chosen.startContainer)) return false;
    const before = document.createRange();
    before.setStartBefore(link);
    before.setEnd(chosen.startContainer, chosen.startOffset);
    return /\S/.test(before.toString());
  }

  /** The group an entry opens (its list's first entry), whose own line must not stay behind without it. */
  function groupOpenedBy(entry: Element): Element | undefined {
    return entry.parentElement?.firstElementChild === entry ? (entry.parentElement.closest('.toc li') ?? undefined) : undefined;
  }

  function contentsBreak(chosen: Range, { startNode, breakBefore }: BreakContext): Range | undefined {
    /** A break before `entry`, or before the group it opens, and the group that one opens. */
    const before = (entry: Element): Range | undefined => {
      let target = entry;
      for (let group = groupOpenedBy(target); group; group = groupOpenedBy(target)) target = group;
      return breakBefore(target, chosen);
    };
    const node = startNode(chosen);
    const entry = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('.toc li');
    if (!entry) return undefined;
    const link = entry.querySelector(':scope > .toc-link');
    if (splitsEntry(link, chosen)) return before(entry);
    // The break falls after an entry's own line, before its group's list: the line would stand alone.
    if (link && !link.contains(node) && link.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) return before(entry);
    const list = entry.parentElement;
    if (!list?.closest('.toc li')) return undefined;
    const entries = [...list.children];
    const index = entries.indexOf(entry);
    if (index === 0) return before(entry);
    const over = entries.length - index;
    // Entries before it in its group stay, with the group's own line: at least one of them must stay (so the page
    // keeps something, and breakBefore's own guard against an empty page never applies here).
    const earlier = entries[index - (least - over)];
    if (over >= least || !earlier || index - (least - over) < 1) return undefined;
    return before(earlier);
  }

  const holder = window as unknown as { folioBreakRules?: unknown[] };
  holder.folioBreakRules = [...(holder.folioBreakRules ?? []), contentsBreak];
}
