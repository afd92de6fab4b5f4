/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * A page left more than a third empty that is not the end of a chapter, nor a break the author asked for.
 * @param tools the page tools
 */
export function findEmptyPages(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  for (const [index, page] of tools.pages.entries()) {
    const chapter = tools.chapterOf(page);
    const content = tools.area(page);
    const next = tools.pages[index + 1];
    if (!chapter || !content || !next || tools.chapterOf(next) !== chapter) continue;
    // The author's page break (::pagebreak) or a page of another kind (a landscape page) ends the page on purpose.
    const following = tools.area(next)?.querySelector('[data-line]');
    if (content.querySelector('.page-break') || tools.namesOf(page) !== tools.namesOf(next)) continue;
    const box = content.getBoundingClientRect();
    const empty = (box.bottom - tools.usedBottom(page)) / box.height;
    if (empty <= 1 / 3) continue;
    const first = following ?? next;
    faults.push({
      kind: 'layout-empty-page',
      page: tools.numberOf(page),
      source: tools.sourceOf(first),
      message: `the page is left ${Math.round(empty * 100)} % empty because ${tools.describe(first)} on the next page does not fit below: make that figure or table smaller, split it, or move it a paragraph later`,
    });
  }
  return faults;
}
