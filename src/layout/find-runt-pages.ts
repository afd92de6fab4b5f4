/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * A runt page: the last page of a chapter (or of the report) holding four lines or fewer and little else (not a page
 * more than a third filled by figures or tables), when the chapter began on an earlier page.
 * @param tools the page tools
 */
export function findRuntPages(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  for (const [index, page] of tools.pages.entries()) {
    const chapter = tools.chapterOf(page);
    const content = tools.area(page);
    if (!chapter || !content || tools.chapterOf(tools.pages[index + 1] ?? document.body) === chapter) continue;
    // The chapter opens on this page: a short chapter, not a runt.
    if (content.querySelector(`[data-chapter="${CSS.escape(chapter)}"]:not([data-split-from])`)) continue;
    const lines = tools.lineTops(content).length;
    if (lines > 4) continue;
    // A last page more than a third filled by figures or tables (their captions are its few lines) is no runt.
    const box = content.getBoundingClientRect();
    if ((tools.usedBottom(page) - box.top) / box.height > 1 / 3) continue;
    faults.push({
      kind: 'layout-runt-page',
      page: tools.numberOf(page),
      source: tools.sourceOf(content.querySelector('[data-line]') ?? content),
      message: `the chapter ends with ${lines} line${lines === 1 ? '' : 's'} alone on its last page: shorten the chapter's last pages by ${lines === 1 ? 'a line' : `${lines} lines`} (or lengthen them by ten) so that its end does not stand alone`,
    });
  }
  return faults;
}
