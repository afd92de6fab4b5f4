import type { Page } from 'puppeteer-core';
import sharp from 'sharp';

/**
 * A contact sheet: every paginated page as a thumbnail in a grid, in one PNG, for a look at the whole report.
 * Call it after printing: it rearranges the pages on screen.
 * @param parts the tabs holding the pages, in order (one per part of a split document)
 * @param columns thumbnails per row
 */
export async function proofSheet(parts: readonly Page[], columns = 6): Promise<Uint8Array> {
  const scale = 0.3;
  const pageWidth = 794; // A4 at 96 px per inch
  const gap = 16;
  const width = Math.ceil(columns * (pageWidth * scale + gap) + gap);
  const sheets = await Promise.all(
    parts.map(async (page) => {
      await page.addStyleTag({
        content: `
          html, body { background: #6b7280 !important; margin: 0 !important; }
          .pagedjs_pages { display: flex !important; flex-wrap: wrap !important; gap: ${gap}px !important; padding: ${gap}px !important;
            width: ${width}px !important; box-sizing: border-box !important; transform: none !important; }
          .pagedjs_page { zoom: ${scale}; margin: 0 !important; box-shadow: 0 2px 8px rgba(0,0,0,.35); background: #fff; flex: none !important; }
        `,
      });
      await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
      return page.screenshot({ fullPage: true, type: 'png' });
    }),
  );
  if (sheets.length === 1) return sheets[0] as Uint8Array;
  // A split document's parts, one under the other (each part's last row may be short).
  const heights = await Promise.all(sheets.map(async (sheet) => (await sharp(sheet).metadata()).height ?? 0));
  const top = (index: number) => heights.slice(0, index).reduce((sum, height) => sum + height, 0);
  return sharp({ create: { width, height: top(sheets.length), channels: 3, background: '#6b7280' } })
    .composite(sheets.map((sheet, index) => ({ input: Buffer.from(sheet), top: top(index), left: 0 })))
    .png()
    .toBuffer();
}
