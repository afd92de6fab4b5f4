/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * A paragraph or list item that leaves fewer than `--orphans` lines at a page foot, or carries fewer than
 * `--widows` lines to the next page head. Checked on where things landed: Chromium does not always honour the CSS.
 * @param tools the page tools
 */
export function findSplitParagraphs(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  const property = (element: Element, name: string) => parseInt(getComputedStyle(element).getPropertyValue(name), 10) || 1;
  for (const page of tools.pages) {
    const content = tools.area(page);
    if (!content) continue;
    for (const split of content.querySelectorAll('p[data-split-to], li[data-split-to]')) {
      const count = tools.lineTops(split).length;
      if (count >= property(split, '--orphans')) continue;
      faults.push({ kind: 'layout-orphan-widow', page: tools.numberOf(page), source: tools.sourceOf(split), message: `${tools.describe(split)} leaves ${count} line at the page foot (an orphan): shorten or lengthen the text before it by a line` });
    }
    for (const split of content.querySelectorAll('p[data-split-from], li[data-split-from]')) {
      if ((split.textContent ?? '').trim() === '') continue;
      const count = tools.lineTops(split).length;
      if (count >= property(split, '--widows')) continue;
      faults.push({ kind: 'layout-orphan-widow', page: tools.numberOf(page), source: tools.sourceOf(split), message: `${tools.describe(split)} carries ${count} line over to the page head (a widow): shorten the paragraph by a few words or lengthen it by a line` });
    }
  }
  return faults;
}
