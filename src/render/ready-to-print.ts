import type { Page } from 'puppeteer-core';
import type { PageSummary } from './browser/inspect-layout.js';
import { pageRegions } from './browser/page-regions.js';
import { turnLandscapePages } from './browser/turn-landscape-pages.js';

/**
 * Make the laid-out pages ready to print, once everything that measures them as laid out is done (the layout
 * faults, the anchors): turn the landscape pages onto the report's paper, then measure each page's area and
 * decorative boxes where the PDF will paint them, for the artifact step.
 * @param parts the tabs holding the laid-out parts, in order
 * @param pages the pages' summaries, in the same order
 * @returns the summaries with their regions
 */
export async function readyToPrint(parts: readonly Page[], pages: readonly PageSummary[]): Promise<PageSummary[]> {
  await Promise.all(parts.map((page) => page.evaluate(turnLandscapePages)));
  const regions = (await Promise.all(parts.map((page) => page.evaluate(pageRegions)))).flat();
  return pages.map((page, index) => ({ ...page, ...regions[index] }));
}
