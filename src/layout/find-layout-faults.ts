import type { Page } from 'puppeteer-core';
import { findEmptyPages } from './find-empty-pages.js';
import { findHyphenationFaults } from './find-hyphenation-faults.js';
import { findJustifiedLastLines } from './find-justified-last-lines.js';
import { findOverfullBoxes } from './find-overfull-boxes.js';
import { findRuntPages } from './find-runt-pages.js';
import { findSplitParagraphs } from './find-split-paragraphs.js';
import { findStrandedHeadings } from './find-stranded-headings.js';
import { findTableBreaks } from './find-table-breaks.js';
import type { LayoutFault } from './layout-fault.js';
import { mendJustifiedLastLines } from './mend-justified-last-lines.js';
import { pageTools } from './page-tools.js';

/** The fault finders, each a self-contained function run in the page with the page tools. */
const finders = [findStrandedHeadings, findSplitParagraphs, findRuntPages, findEmptyPages, findTableBreaks, findHyphenationFaults, findJustifiedLastLines, findOverfullBoxes];

/**
 * After layout, in the tab holding the pages: mend what can be mended without moving a line (the justification of a
 * line that ends a text before a nested block), then look for the typographic faults that are left. The finders
 * are sent as source, with the tools they share: Puppeteer serialises a function, not what it refers to.
 * @param page a tab with laid-out pages, after the unused soft hyphens are removed
 * @returns the faults, in page order
 */
export async function findLayoutFaults(page: Page): Promise<LayoutFault[]> {
  const tools = `(${pageTools.toString()})()`;
  await page.evaluate(`(${mendJustifiedLastLines.toString()})(${tools})`);
  const faults = (await page.evaluate(`(() => { const tools = ${tools}; return [${finders.map(String).join(',\n')}].flatMap((find) => find(tools)); })()`)) as LayoutFault[];
  return faults.sort((a, b) => a.page - b.page);
}
