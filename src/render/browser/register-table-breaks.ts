/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

import type { BreakContext } from './register-paged-handlers.js';

/**
 * Register the table rule on the page's break rules (`window.folioBreakRules`, asked by the orphans and widows
 * handler in `registerPagedHandlers`): a table that starts on a page keeps at least two body rows under its caption
 * and header there, or moves overleaf whole (with the headings that keep with it); and at least two rows go over
 * to the next page, or the page breaks a row earlier. The header row is repeated overleaf by `RepeatTableHeaders`.
 */
export function registerTableBreaks(): void {
  const least = 2;

  /** The body rows of a table (not its header, nor a nested table's). */
  const bodyRows = (table: Element) => [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table && !row.closest('thead'));

  /** The element to move with the table: its wrappers, and what comes before it with `break-after: avoid`. */
  function withWhatKeeps(table: Element, { rendered, keepsWithNext }: BreakContext): Element {
    let target = table;
    for (;;) {
      const parent = target.parentElement;
      const previous = target.previousElementSibling;
      if (!previous && parent && parent !== rendered && rendered.contains(parent) && !parent.hasAttribute('data-chapter')) target = parent;
      else if (previous && keepsWithNext(previous)) target = previous;
      else return target;
    }
  }

  function tableBreak(chosen: Range, context: BreakContext): Range | undefined {
    const { rendered, source, startNode, breakBefore } = context;
    const node = startNode(chosen);
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const table = element?.closest('table');
    if (!table || !rendered.contains(table)) return undefined;
    const rows = bodyRows(table);
    // The first body row that goes over (a break before the table's body, or in its caption or header, is at row 0).
    let index = rows.findIndex((row) => row === element?.closest('tr') || chosen.comparePoint(row, 0) >= 0);
    if (element?.closest('thead, caption')) index = 0;
    if (index < 0) return undefined;
    if (index < least) {
      // Its caption and header with fewer than two rows at the page foot: the table goes overleaf, if it starts here
      // (and if something is left on the page).
      return table.hasAttribute('data-split-from') ? undefined : breakBefore(withWhatKeeps(table, context), chosen);
    }
    // The rows that go over, counted in the source: Paged.js may not have laid all of them out yet.
    const ref = table.getAttribute('data-ref');
    const original = ref ? source?.querySelector(`[data-ref="${CSS.escape(ref)}"]`) : null;
    const rowRef = rows[index]?.getAttribute('data-ref');
    const all = original ? bodyRows(original) : [];
    const at = all.findIndex((row) => row.getAttribute('data-ref') === rowRef);
    if (at < 0) return undefined;
    const over = all.length - at;
    if (over >= least || index - (least - over) < least) return undefined;
    const row = rows[index - (least - over)];
    return row ? breakBefore(row, chosen) : undefined;
  }

  const holder = window as unknown as { folioBreakRules?: unknown[] };
  holder.folioBreakRules = [...(holder.folioBreakRules ?? []), tableBreak];
}
