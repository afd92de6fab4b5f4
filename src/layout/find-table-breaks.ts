/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * Tables broken across pages badly: a caption and header with fewer than two rows at a page foot, fewer than two
 * rows carried overleaf, or columns whose widths change from one page to the next.
 * @param tools the page tools
 */
export function findTableBreaks(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  const rowsOf = (table: Element) => [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table && !row.closest('thead'));
  const name = (table: Element) => {
    const caption = table.querySelector('caption');
    return caption ? `the table ${tools.describe(caption)}` : `the table starting ${tools.describe(rowsOf(table)[0]?.firstElementChild ?? table)}`;
  };
  const fragments = new Map<string, HTMLTableElement[]>();
  for (const table of document.querySelectorAll<HTMLTableElement>('.pagedjs_page_content table')) {
    const page = tools.pageOf(table);
    if (!page) continue;
    const ref = table.dataset['ref'];
    if (ref) fragments.set(ref, [...(fragments.get(ref) ?? []), table]);
    const rows = rowsOf(table).length;
    const at = { page: tools.numberOf(page), source: tools.sourceOf(table) };
    if (table.hasAttribute('data-split-to') && rows < 2) {
      faults.push({ kind: 'layout-table-break', ...at, message: `${name(table)} leaves its ${table.querySelector('caption') ? 'caption, ' : ''}header and ${rows === 0 ? 'no row' : 'one row'} at the page foot: Folio could not move them overleaf; shorten the text before the table, or put ::pagebreak before it` });
    }
    if (table.hasAttribute('data-split-from') && rows < 2) {
      faults.push({ kind: 'layout-table-break', ...at, message: `${name(table)} carries only ${rows === 0 ? 'its header' : 'one row'} over to this page: Folio could not take more rows with it; shorten the table by a row or the text before it by a few lines` });
    }
  }
  for (const tables of fragments.values()) {
    const widths = tables.map((table) => [...(table.querySelector('tr')?.children ?? [])].map((cell) => Math.round(cell.getBoundingClientRect().width)));
    const first = widths[0] ?? [];
    const changed = widths.findIndex((row) => row.length === first.length && row.some((width, column) => Math.abs(width - (first[column] ?? width)) > 1));
    const table = tables[changed];
    const page = table && tools.pageOf(table);
    if (!table || !page) continue;
    faults.push({ kind: 'layout-table-columns', page: tools.numberOf(page), source: tools.sourceOf(table), message: `${name(tables[0] ?? table)} has columns of other widths on this page than on its first: set its column widths with :::table{widths="…"}` });
  }
  return faults;
}
