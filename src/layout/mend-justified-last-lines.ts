/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { PageTools } from './page-tools.js';

/**
 * Paged.js justifies the last line of an element split across pages, as it should when a paragraph goes on
 * overleaf; but when the element's own text ends there and a nested block (a sub-list) follows overleaf, that line
 * ends the text and is set flush left. Only the spacing of one line changes: no line moves.
 * @param tools the page tools
 * @returns how many lines were mended
 */
export function mendJustifiedLastLines(tools: PageTools): number {
  let mended = 0;
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page [data-align-last-split-element="justify"]')) {
    if (!tools.endsBeforeBlock(element)) continue;
    element.dataset['alignLastSplitElement'] = 'start';
    mended += 1;
  }
  return mended;
}
