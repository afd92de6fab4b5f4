/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

import type { PageBox } from './inspect-layout.js';

/** Where a page's parts lie as it will be printed, for the artifact step to tell margins and decoration apart. */
export interface PageRegions {
  /** The page area inside the margins (running heads and folios lie outside it). */
  area?: PageBox;
  /** What the structure leaves out on purpose (alt="" images, aria-hidden elements such as repeated header rows). */
  decorative: PageBox[];
}

/**
 * Each page's area and decorative boxes, in CSS pixels from the page's top left corner, as Chromium prints the page.
 * Measured last, after landscape pages are turned, so a turned page's boxes are where the PDF paints them.
 * Not role none: the structure marks give that to Paged.js's wrappers, which hold every page's real content.
 */
export function pageRegions(): PageRegions[] {
  return [...document.querySelectorAll('.pagedjs_page')].map((page) => {
    const origin = page.getBoundingClientRect();
    const box = (element: Element): PageBox => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left - origin.left, top: rect.top - origin.top, right: rect.right - origin.left, bottom: rect.bottom - origin.top };
    };
    const area = page.querySelector('.pagedjs_area');
    const decorative = [...page.querySelectorAll('img[alt=""], [aria-hidden="true"]')].map(box);
    return area ? { area: box(area), decorative } : { decorative };
  });
}
