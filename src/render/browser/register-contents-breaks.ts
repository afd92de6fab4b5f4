/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

import type { BreakContext } from './register-paged-handlers.js';

/**
 * Register the contents rule on the page's break rules (`window.folioBreakRules`, asked by the orphans and widows
 * handler in `registerPagedHandlers`, which leaves the contents to it): a chapter's group of entries broken across
 * a page keeps at least two of its entries overleaf (the page breaks an entry earlier), the way a paragraph keeps
 * two lines. Each entry is one line or a few, and one entry alone overleaf reads as a widow.
 */
export function registerContentsBreaks(): void {
  const least = 2;

  function contentsBreak(chosen: Range, { startNode, breakBefore }: BreakContext): Range | undefined {
    const node = startNode(chosen);
    const entry = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('.toc li');
    const list = entry?.parentElement;
    if (!entry || !list || !list.closest('.toc li')) return undefined;
    const entries = [...list.children];
    const index = entries.indexOf(entry);
    const over = entries.length - index;
    // Entries before it in its group stay, with the group's own line: at least one of them must stay (so the page
    // keeps something, and breakBefore's own guard against an empty page never applies here).
    const earlier = entries[index - (least - over)];
    if (over >= least || !earlier || index - (least - over) < 1) return undefined;
    return breakBefore(earlier, chosen);
  }

  const holder = window as unknown as { folioBreakRules?: unknown[] };
  holder.folioBreakRules = [...(holder.folioBreakRules ?? []), contentsBreak];
}
