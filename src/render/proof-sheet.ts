import type { Page } from 'puppeteer-core';
import sharp from 'sharp';
import { bookletOrder } from '../pdf/impose-booklet.js';
import { placeThumbnails } from './browser/place-thumbnails.js';

const scale = 0.3;
const gap = 16;
/** Room under each row for the page numbers. */
const label = 18;

/**
 * A contact sheet: every paginated page as a thumbnail in a grid, in one PNG, for a look at the whole report.
 * Call it after printing: it rearranges the pages on screen. The parts of a split document are photographed one
 * by one, each starting in the column where the part before it stopped, and laid over each other so the grid
 * runs on as if the report had been laid out whole.
 * Each thumbnail has its page number under it. A booklet's sheet shows its sides as printed: two pages side by
 * side in folding order, blanks included (a booklet is laid out whole, in one part).
 * @param parts the tabs holding the pages, in order (one per part of a split document)
 * @param options `booklet`: show the booklet's sides; `columns`: thumbnails per row (even)
 */
export async function proofSheet(parts: readonly Page[], options: { booklet?: boolean; columns?: number } = {}): Promise<Uint8Array> {
  const columns = options.columns ?? 6;
  const measured = await Promise.all(
    parts.map((page) =>
      page.evaluate(() => {
        const pages = [...document.querySelectorAll('.pagedjs_page')];
        return { count: pages.length, width: Math.max(...pages.map((element) => element.getBoundingClientRect().width)) };
      }),
    ),
  );
  const counts = measured.map((part) => part.count);
  // The widest page (with bleed and crop marks in the print edition), so that every row has `columns` pages.
  const pageWidth = Math.max(...measured.map((part) => part.width));
  const width = Math.ceil(columns * (pageWidth * scale + gap) + gap);
  const shots = await Promise.all(
    parts.map(async (page, index) => {
      // Empty places before the part's first page, for the pages the parts before it put on its first row.
      const offset = counts.slice(0, index).reduce((sum, count) => sum + count, 0);
      const before = offset % columns;
      const sides = options.booklet ? bookletOrder(counts.reduce((sum, count) => sum + count, 0)) : undefined;
      await page.evaluate(placeThumbnails, offset, sides ?? null);
      await page.addStyleTag({
        content: `
          html, body { background: transparent !important; margin: 0 !important; }
          .pagedjs_pages { display: flex !important; flex-wrap: wrap !important; gap: ${gap + label}px ${gap}px !important; padding: ${gap}px ${gap}px ${gap + label}px !important;
            width: ${width}px !important; box-sizing: border-box !important; transform: none !important; }
          .pagedjs_pages::before { content: ""; flex: none; height: 1px; width: ${before === 0 ? 0 : before * (pageWidth * scale + gap) - gap}px; display: ${before === 0 ? 'none' : 'block'}; }
          .pagedjs_page { zoom: ${scale}; margin: 0 !important; box-shadow: 0 2px 8px rgba(0,0,0,.35); background: #fff; flex: none !important; position: relative !important; }
          .pagedjs_page::after { content: attr(data-proof-number); position: absolute; left: 0; right: 0; top: 100%; margin-top: ${4 / scale}px;
            text-align: center; font: 600 ${11 / scale}px/1 sans-serif; color: #fff; }
          /* A booklet side: its two pages touch at the fold. */
          .pagedjs_pages > .proof-left { margin-right: -${gap / scale}px !important; }
        `,
      });
      await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
      // Where its first and last rows start, to lay the parts' pictures over each other row on row.
      const rows = await page.evaluate(() => {
        const pages = document.querySelectorAll('.pagedjs_page');
        const top = (element: Element | undefined) => (element ? element.getBoundingClientRect().top + window.scrollY : 0);
        return { first: top(pages[0]), last: top(pages[pages.length - 1]), height: pages[0]?.getBoundingClientRect().height ?? 0 };
      });
      return { png: await page.screenshot({ fullPage: true, type: 'png', omitBackground: true }), rows, before };
    }),
  );
  const background = '#6b7280';
  if (shots.length === 1) return sharp(shots[0]?.png).flatten({ background }).png().toBuffer();
  const rowStep = Math.max(...shots.map((shot) => shot.rows.height)) + gap + label;
  const tops: number[] = [0];
  shots.forEach((shot, index) => {
    const next = shots[index + 1];
    if (!next) return;
    // The next part's first row is this part's last row when it starts mid-row, the row after it otherwise.
    const row = (tops[index] ?? 0) + shot.rows.last + (next.before === 0 ? rowStep : 0);
    tops.push(Math.round(row - next.rows.first));
  });
  const heights = await Promise.all(shots.map(async (shot) => (await sharp(shot.png).metadata()).height ?? 0));
  const height = Math.max(...shots.map((_, index) => (tops[index] ?? 0) + (heights[index] ?? 0)));
  return sharp({ create: { width, height, channels: 4, background } })
    .composite(shots.map((shot, index) => ({ input: Buffer.from(shot.png), top: tops[index] ?? 0, left: 0 })))
    .flatten({ background })
    .png()
    .toBuffer();
}
