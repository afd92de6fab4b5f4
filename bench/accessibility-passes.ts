// `node dist/bench/accessibility-passes.js DIR`: what the accessibility passes on a report's text cost, each alone in
// one process: marking the hyphens that break lines (on Chromium's PDF, merged) and the preflight's text checks
// (10-001 and the hyphens, on the finished PDF). A benchmark, not a test.
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { build } from '../src/build/build.js';
import { silentReporter } from '../src/cli/reporter.js';
import { pageContentBytes } from '../src/pdf/content/page-content-bytes.js';
import { type FontCache, readTextEvents } from '../src/pdf/content/read-text-events.js';
import { mergeParts } from '../src/pdf/merge-parts.js';
import { loadOptions } from '../src/pdf/pdf-lib-options.js';
import { markBreakHyphens } from '../src/pdf/tagging/mark-break-hyphens.js';
import { checkBreakHyphens } from '../src/preflight/accessibility/check-break-hyphens.js';
import { checkUnicodeMapping } from '../src/preflight/accessibility/check-unicode-mapping.js';

const dir = process.argv[2];
if (!dir) throw new Error('Usage: node dist/bench/accessibility-passes.js MANUSCRIPT-FOLDER');
const output = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-a11y-bench-')), 'report.pdf');
let printed: readonly Uint8Array[] = [];
await build({ dir, output, timeout: 1_800_000, printed: (pdfs) => void (printed = pdfs) }, silentReporter());
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;
for (const run of [1, 2]) {
  const doc = mergeParts(await Promise.all(printed.map((pdf) => PDFDocument.load(pdf, loadOptions))), []);
  let start = performance.now();
  const marked = markBreakHyphens(doc);
  process.stdout.write(`run ${run}: ${doc.getPageCount()} pages: marking ${marked.hyphens} hyphens (${marked.words} words whole) ${seconds(start)}`);
  const finished = await PDFDocument.load(await readFile(output), loadOptions);
  start = performance.now();
  const fonts: FontCache = new Map();
  const text = finished.getPages().map((page) => readTextEvents(finished, page, pageContentBytes(finished, page), fonts));
  const findings = [...checkUnicodeMapping(text), ...checkBreakHyphens(text)];
  process.stdout.write(`; preflight text checks (${findings.length} findings) ${seconds(start)}\n`);
}
