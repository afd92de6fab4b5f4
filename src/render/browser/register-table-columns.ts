/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Register a Paged.js handler that sets every table's columns once, as the table lays out whole on the page where it
 * starts (at that page's text width, so a table on a turned page gets the wide measure): the table is laid out
 * whole beside its first piece, measured, and taken away again, before any of its rows is placed. Then
 * - its cells lose their soft hyphens when the table fits the measure without them (the browser's automatic layout
 *   gives the columns whose longest word grew the room); a table that cannot fit without them keeps them;
 * - each cell gets its column's share of the width and the table `table-layout: fixed`, written on the source
 *   cells, so that every piece Paged.js cuts from them (and the header row repeated on later pages) has the
 *   columns of the first page.
 * Tables whose widths the author set (`:::table{widths="…"}`, class `table-fixed`) are left as they are.
 */
export function registerTableColumns(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;
  const softHyphen = /\u00AD/g;

  /** The cells of a table's own rows (not those of a table inside a cell). */
  function rowsOf(table: HTMLTableElement): HTMLTableRowElement[] {
    return [...table.rows].filter((row) => row.closest('table') === table);
  }

  /** Each column's width, from the first row whose cells each span one column (none: the table is irregular). */
  function columnWidths(table: HTMLTableElement): number[] | undefined {
    const columns = Math.max(0, ...rowsOf(table).map((row) => [...row.cells].reduce((sum, cell) => sum + cell.colSpan, 0)));
    const row = rowsOf(table).find((candidate) => candidate.cells.length === columns && [...candidate.cells].every((cell) => cell.colSpan === 1));
    return row ? [...row.cells].map((cell) => cell.getBoundingClientRect().width) : undefined;
  }

  /** Take the soft hyphens out of the text of a table's cells (its caption has none: captions are not hyphenated). */
  function unhyphenate(table: HTMLTableElement): void {
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.data.includes('\u00AD') && node.parentElement?.closest('td, th')) node.data = node.data.replace(softHyphen, '');
    }
  }

  /**
   * Lay a copy of the whole table out after `place` (in a box that does not break: the page's content area flows
   * into columns beside the page, and a table broken across them would measure as wide as all of them), measure
   * it, and take it away.
   */
  function measure(source: HTMLTableElement, place: Element, setting: { hyphens: boolean; tight: boolean }): { widths: number[] | undefined; fits: boolean } {
    const copy = source.cloneNode(true) as HTMLTableElement;
    for (const item of [copy, ...copy.querySelectorAll('[id]')]) item.removeAttribute('id');
    // A footnote's text stands in the source where its call is, until Paged.js takes it to the page foot: measured
    // in its cell, it would widen the column (and a note's long words would count as the table's).
    for (const note of copy.querySelectorAll('.footnote, [data-note="footnote"]')) note.remove();
    if (!setting.hyphens) unhyphenate(copy);
    copy.classList.toggle('table-tight', setting.tight);
    const box = document.createElement('div');
    box.style.cssText = 'display: inline-block; width: 100%; vertical-align: top';
    box.append(copy);
    place.after(box);
    const room = box.getBoundingClientRect().width;
    const fits = copy.getBoundingClientRect().width <= room + 0.5;
    const widths = fits ? rebalance(copy, columnWidths(copy), room) : columnWidths(copy);
    box.remove();
    return { widths, fits };
  }

  /**
   * The browser shares a table's width out by each column's longest line, header included, so a column under a
   * long heading takes room a body cell beside it needs, and a name such as "Khyber Pakhtunkhwa" wraps while the
   * number columns stand half empty. Where every body cell can stand on one line with the headings wrapped to
   * their longest word, each column gets that much, and what is left goes to the headings that would wrap, each
   * up to the same extra width, so the shorter ones reach one line. Otherwise (long text in the cells) the
   * browser's widths stay.
   * @param copy the laid-out copy (changed while measured, then given back as it was)
   * @param widths the browser's widths
   * @param room the measure
   */
  function rebalance(copy: HTMLTableElement, widths: number[] | undefined, room: number): number[] | undefined {
    if (!widths) return widths;
    const body = [...copy.querySelectorAll<HTMLElement>('td')].filter((cell) => cell.closest('table') === copy && !cell.closest('thead'));
    copy.style.width = 'max-content';
    const full = columnWidths(copy);
    const sum = (list: readonly number[]) => list.reduce((total, width) => total + width, 0);
    if (!full || sum(full) <= room) {
      copy.style.width = '';
      return widths;
    }
    copy.style.width = 'min-content';
    for (const cell of body) cell.style.whiteSpace = 'nowrap';
    const needed = columnWidths(copy);
    copy.style.width = '';
    for (const cell of body) cell.style.whiteSpace = '';
    if (!needed || needed.length !== full.length || sum(needed) > room) return widths;
    const wants = full.map((width, index) => Math.max(0, width - (needed[index] ?? 0)));
    const left = room - sum(needed);
    if (sum(wants) <= left) return needed.map((width, index) => width + (wants[index] ?? 0) + (left - sum(wants)) / needed.length);
    // Filled like water: every heading gets up to the same extra width, so the short ones reach one line first.
    let low = 0;
    let high = Math.max(...wants);
    for (let step = 0; step < 30; step += 1) {
      const level = (low + high) / 2;
      if (sum(wants.map((want) => Math.min(want, level))) > left) high = level;
      else low = level;
    }
    return needed.map((width, index) => width + Math.min(wants[index] ?? 0, low));
  }

  class TableColumns extends Paged.Handler {
    renderNode(clone: Node, node: Node): void {
      if (!(clone instanceof HTMLTableElement) || !(node instanceof HTMLTableElement)) return;
      if (clone.hasAttribute('data-split-from') || node.hasAttribute('data-folio-columns') || node.closest('.table-fixed')) return;
      node.setAttribute('data-folio-columns', '');
      // Whole words first; then whole words with narrower cell padding; only then the hyphens.
      const hyphenated = node.textContent?.includes('\u00AD') ?? false;
      const settings = [{ hyphens: false, tight: false }, { hyphens: false, tight: true }, { hyphens: true, tight: false }];
      let chosen = settings[0] as (typeof settings)[number];
      let widths: number[] | undefined;
      let fits = false;
      for (const setting of hyphenated ? settings : settings.slice(0, 1)) {
        chosen = setting;
        const measured = measure(node, clone, setting);
        ({ widths, fits } = measured);
        if (fits) break;
      }
      if (!chosen.hyphens) unhyphenate(node);
      for (const table of [node, clone]) table.classList.toggle('table-tight', chosen.tight);
      const total = (widths ?? []).reduce((sum, width) => sum + width, 0);
      // A table wider than the measure even so is left to the browser (and reported as overfull), not squeezed.
      if (!widths || total <= 0 || !fits) return;
      for (const row of rowsOf(node)) {
        let column = 0;
        for (const cell of row.cells) {
          const share = widths.slice(column, column + cell.colSpan).reduce((sum, width) => sum + width, 0);
          cell.style.width = `${((share / total) * 100).toFixed(3)}%`;
          column += cell.colSpan;
        }
      }
      for (const table of [node, clone]) table.style.tableLayout = 'fixed';
    }
  }

  Paged.registerHandlers(TableColumns);
}
