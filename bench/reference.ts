// The references the benchmark compares Folio with, run as their own process so that their whole cost (browser
// start included) is measured like Folio's:
//   node dist/bench/reference.js print   <html> <pdf>   Chromium's own print of the HTML, no pagination
//   node dist/bench/reference.js pagedjs <html> <pdf>   the pagedjs-cli protocol: Paged.js in Chromium, then print
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/render/launch-browser.js';
import { pagedPolyfillSource } from '../src/render/paged-polyfill.js';

const [mode, html, output] = process.argv.slice(2);
if (!mode || !html || !output) throw new Error('usage: reference.js print|pagedjs <html> <pdf>');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  if (mode === 'pagedjs') await page.evaluateOnNewDocument(() => ((window as unknown as { PagedConfig: unknown }).PagedConfig = { auto: false }));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 600_000 });
  if (mode === 'pagedjs') {
    await page.evaluate(await pagedPolyfillSource());
    await page.evaluate(() => (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview());
  }
  await writeFile(output, await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 600_000 }));
} finally {
  await browser.close();
}
