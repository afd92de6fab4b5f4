/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * A line justified across the measure that ends a block's text before a page break or a nested block.
 * @param tools the page tools
 */
export function findJustifiedLastLines(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page [data-split-to]')) {
    if (getComputedStyle(element).textAlignLast !== 'justify' || !tools.endsBeforeBlock(element)) continue;
    const page = tools.pageOf(element);
    if (!page) continue;
    faults.push({ kind: 'layout-justified-line', page: tools.numberOf(page), source: tools.sourceOf(element), message: `the last line of ${tools.describe(element)} before the page turn is stretched across the measure although its text ends there: shorten or lengthen the text before it by a line` });
  }
  return faults;
}
