/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * A heading at a page foot without at least two lines after it on the page, while its section goes on overleaf.
 * @param tools the page tools
 */
export function findStrandedHeadings(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  for (const [index, page] of tools.pages.entries()) {
    const content = tools.area(page);
    const next = tools.pages[index + 1];
    if (!content || !next || next.className.includes('back-cover') || !tools.chapterOf(page)) continue;
    const tops = tools.lineTops(content);
    for (const heading of content.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
      const bottom = heading.getBoundingClientRect().bottom;
      const after = tops.filter((top) => top >= bottom - 1).length;
      if (after >= 2) continue;
      faults.push({
        kind: 'layout-stranded-heading',
        page: tools.numberOf(page),
        source: tools.sourceOf(heading),
        message: `the heading ${tools.describe(heading)} stands at the page foot with ${after === 0 ? 'nothing' : 'one line'} after it: Folio could not move it overleaf; shorten the text before it by a line or two, or put ::pagebreak before it`,
      });
    }
  }
  return faults;
}
