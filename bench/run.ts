// npm run bench: Folio's speed and memory on this machine, against the references, in one run.
// Writes bench/results.json and prints a table. A benchmark, not a test: nothing here passes or fails.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { check } from '../src/build/check.js';
import { silentReporter } from '../src/cli/reporter.js';
import { packageRoot } from '../src/package-paths.js';
import { largeReport, longPolicyPaper, withCameraPhotos } from './make-inputs.js';
import { measure, type Measurement } from './measure.js';

const folio = path.join(packageRoot, 'bin', 'folio.js');
const reference = path.join(packageRoot, 'dist', 'bench', 'reference.js');
// `npm run bench`: everything; `node dist/bench/run.js policy-paper` (or `seminar`): one part only;
// `node dist/bench/run.js 10,20,40`: the seminar report's sizes, as before, with the other parts.
const only = ['policy-paper', 'seminar'].includes(process.argv[2] ?? '') ? process.argv[2] : undefined;
const sizes = (process.argv[only ? 3 : 2] ?? '10,20,40').split(',').map(Number);
/** The policy paper's copies: about 100 and about 500 pages (about 19 pages a copy, the front matter and the bibliography once). */
const paperSizes = [5, 26];
const rows: Record<string, unknown>[] = [];

const pagesOf = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
const megabytes = async (file: string) => Math.round(((await stat(file)).size / 1_048_576) * 100) / 100;

async function record(name: string, run: Measurement, pdf: string, extra: Record<string, unknown> = {}) {
  if (run.code !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
  const pages = pagesOf(pdf);
  const row = { name, seconds: round(run.seconds), pages, secondsPerPage: round(run.seconds / pages, 4), peakMb: Math.round(run.peakMb), pdfMb: await megabytes(pdf), ...extra };
  rows.push(row);
  process.stderr.write(`  ${name.padEnd(44)} ${String(row.seconds).padStart(7)} s  ${String(pages).padStart(4)} pages  ${String(row.peakMb).padStart(5)} MB\n`);
  return row;
}

/** Folio's document for a manuscript, with the original photos (no image stage): what the references render. */
async function referenceHtml(dir: string, file: string): Promise<string> {
  const result = await check(dir, silentReporter());
  if (!result.checked) throw new Error(`${dir} does not check`);
  await writeFile(file, toHtml(result.checked.document));
  return file;
}

const work = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
try {
  process.stderr.write(`Folio benchmark on ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}\n`);
  const cache = path.join(work, 'cache');
  const env = { FOLIO_CACHE_DIR: cache };
  const targets: Record<string, { value: unknown; target: string }> = {};
  const references: Record<string, unknown> = {};
  if (only !== 'policy-paper') Object.assign(targets, await seminarReport(work, env, references));
  if (only !== 'seminar') Object.assign(targets, await policyPaper(work, env));
  const results = {
    command: only ? `node dist/bench/run.js ${process.argv.slice(2).join(' ')}` : 'npm run bench',
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion(), platform: `${os.type()} ${os.release()}` },
    runs: rows,
    targets,
    references,
  };
  // A partial run is written beside the full results, so it never replaces them.
  await writeFile(path.join(packageRoot, 'bench', only ? `results-${only}.json` : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write('\nTargets:\n');
  for (const [name, { value, target }] of Object.entries(targets)) process.stderr.write(`  ${name.padEnd(32)} ${String(value).padStart(8)}   target ${target}\n`);
  process.stderr.write(`Written to bench/${only ? `results-${only}.json` : 'results.json'}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The seminar report: cold and warm builds with camera photos against the references, watch, and long reports. */
async function seminarReport(work: string, env: NodeJS.ProcessEnv, references: Record<string, unknown>) {
  const cache = String(env['FOLIO_CACHE_DIR']);
  const photos = await withCameraPhotos(path.join(packageRoot, 'manuscript'), path.join(work, 'photos'));

  process.stderr.write('The seminar report with 21 camera photos (4000×3000):\n');
  const emptyCache = () => rm(cache, { recursive: true, force: true });
  const cold = await record('folio, cold (empty caches, new browser)', await measure(process.execPath, [folio, 'build', photos, '-o', path.join(work, 'cold.pdf'), '-q'], env, emptyCache), path.join(work, 'cold.pdf'));
  const warm = await record('folio, warm caches', await measure(process.execPath, [folio, 'build', photos, '-o', path.join(work, 'warm.pdf'), '-q'], env), path.join(work, 'warm.pdf'));
  const html = await referenceHtml(photos, path.join(photos, 'reference.html'));
  const print = await record("Chromium's own print, no pagination", await measure(process.execPath, [reference, 'print', html, path.join(work, 'print.pdf')]), path.join(work, 'print.pdf'));
  const pagedjs = await record('Paged.js protocol (pagedjs-cli), camera photos', await measure(process.execPath, [reference, 'pagedjs', html, path.join(work, 'pagedjs.pdf')]), path.join(work, 'pagedjs.pdf'));

  process.stderr.write('Watch: a one-word edit, save to new PDF on disk:\n');
  const latencies = await watchLatency(photos, path.join(work, 'watch.pdf'), env);
  rows.push({ name: 'folio watch, one-word edit', seconds: median(latencies), samples: latencies });
  process.stderr.write(`  ${'folio watch, one-word edit (median of 5)'.padEnd(44)} ${String(median(latencies)).padStart(7)} s  (${latencies.join(', ')})\n`);

  process.stderr.write('Large reports (the seminar report repeated):\n');
  const large: Record<number, Record<string, unknown>> = {};
  for (const times of sizes) {
    const dir = await largeReport(path.join(packageRoot, 'manuscript'), path.join(work, `large-${times}`), times);
    large[times] = await record(`folio, ${times}×`, await measure(process.execPath, [folio, 'build', dir, '-o', path.join(work, `large-${times}.pdf`), '-q', '--timeout', '1200'], env), path.join(work, `large-${times}.pdf`), { times });
    if (times === Math.max(...sizes)) {
      const largeHtml = await referenceHtml(dir, path.join(dir, 'reference.html'));
      large[-times] = await record(`Chromium's own print, ${times}×`, await measure(process.execPath, [reference, 'print', largeHtml, path.join(work, `large-print-${times}.pdf`)]), path.join(work, `large-print-${times}.pdf`), { times });
    }
  }

  const biggest = Math.max(...sizes);
  const smallest = Math.min(...sizes);
  Object.assign(references, { cold, warm, print, pagedjs });
  return {
    watchRebuildSeconds: { value: median(latencies), target: '≤ 1' },
    coldVsChromiumPrint: { value: round((cold.seconds as number) / (print.seconds as number)), target: '≤ 0.5' },
    secondsPerPageGrowth: { value: round((large[biggest]?.['secondsPerPage'] as number) / (large[smallest]?.['secondsPerPage'] as number)), target: '≤ 1.2' },
    largestVsChromiumPrint: { value: round((large[biggest]?.['seconds'] as number) / (large[-biggest]?.['seconds'] as number)), target: '≤ 2' },
    largestPeakMb: { value: large[biggest]?.['peakMb'], target: '< 1536' },
  };
}

/**
 * Issue 10's research apparatus at length: the policy paper (footnotes, citations, figures, tables) repeated to
 * about 100 and about 500 pages, against Chromium's own print of the 500-page HTML.
 */
async function policyPaper(work: string, env: NodeJS.ProcessEnv) {
  process.stderr.write('The policy paper repeated (footnotes, citations, tables, figures):\n');
  const paper = path.join(packageRoot, 'tests', 'fixtures', 'policy-paper');
  const runs: Record<number, Record<string, unknown>> = {};
  let print: Record<string, unknown> = {};
  for (const times of paperSizes) {
    const dir = await longPolicyPaper(paper, path.join(work, `paper-${times}`), times);
    const pdf = path.join(work, `paper-${times}.pdf`);
    // The largest without -q: its stage lines say what each stage costs, the finishing (structure, artifacts, the
    // hyphens' /ActualText and the accessibility check: issue 13's work) among them.
    const largest = times === Math.max(...paperSizes);
    const run = await measure(process.execPath, [folio, 'build', dir, '-o', pdf, ...(largest ? [] : ['-q']), '--timeout', '1800'], env);
    runs[times] = await record(`folio, policy paper ${times}×`, run, pdf, { times, ...(largest ? { stages: stageSeconds(run.stderr) } : {}) });
    if (times === Math.max(...paperSizes)) {
      const html = await referenceHtml(dir, path.join(dir, 'reference.html'));
      const printed = path.join(work, `paper-print-${times}.pdf`);
      print = await record(`Chromium's own print, policy paper ${times}×`, await measure(process.execPath, [reference, 'print', html, printed]), printed, { times });
    }
  }
  // Research staff edit the paper itself: its citations, notes and cross-references are compiled again on each save.
  const copy = path.join(work, 'paper-watch');
  await cp(paper, copy, { recursive: true });
  const latencies = await watchLatency(copy, path.join(work, 'paper-watch.pdf'), env, { chapter: '02-basin.md', word: 'tributaries', other: 'branches' });
  rows.push({ name: 'folio watch, policy paper one-word edit', seconds: median(latencies), samples: latencies });
  process.stderr.write(`  ${'folio watch, policy paper one-word edit (median of 5)'.padEnd(44)} ${String(median(latencies)).padStart(7)} s  (${latencies.join(', ')})\n`);
  const small = runs[Math.min(...paperSizes)] ?? {};
  const large = runs[Math.max(...paperSizes)] ?? {};
  return {
    paperSecondsPerPageGrowth: { value: round((large['secondsPerPage'] as number) / (small['secondsPerPage'] as number)), target: '≤ 1.2' },
    paperLargestVsChromiumPrint: { value: round((large['seconds'] as number) / (print['seconds'] as number)), target: '≤ 2' },
    paperLargestPeakMb: { value: large['peakMb'], target: '< 1536' },
    paperWatchRebuildSeconds: { value: median(latencies), target: 'about 1 (stated)' },
    paperLargestFinishSeconds: { value: (large['stages'] as Record<string, number> | undefined)?.['finish pdf'], target: 'stated: structure, artifacts, /ActualText, accessibility check' },
  };
}

/** The seconds of each stage of the first build in `stderr` (`✓ finish pdf   7.81 s`). */
function stageSeconds(stderr: string): Record<string, number> {
  const stages: Record<string, number> = {};
  for (const [, name = '', value = '0', unit] of stderr.matchAll(/✓ ([a-z ]+?)\s+([\d.]+) (m?s)/g)) {
    if (name in stages) break;
    stages[name] = round(Number(value) / (unit === 'ms' ? 1000 : 1));
  }
  return stages;
}

/** A one-word edit for `watchLatency`: in this chapter file, this word swapped for that one and back. */
interface WordEdit {
  readonly chapter: string;
  readonly word: string;
  readonly other: string;
}

async function watchLatency(dir: string, output: string, env: NodeJS.ProcessEnv, edit: WordEdit = { chapter: '02-prelude.md', word: 'erudition', other: 'learning' }): Promise<number[]> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [folio, 'watch', dir, '-o', output], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const waitFor = async (count: number) => {
    while ((log.match(/Watching for changes/g) ?? []).length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  await waitFor(1);
  const chapter = path.join(dir, edit.chapter);
  const original = await readFile(chapter, 'utf8');
  const samples: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const before = (await stat(output)).mtimeMs;
    const started = performance.now();
    await writeFile(chapter, original.replace(edit.word, round % 2 === 0 ? edit.other : edit.word));
    while ((await stat(output)).mtimeMs === before) await new Promise((resolve) => setTimeout(resolve, 5));
    samples.push(round3((performance.now() - started) / 1000));
    await waitFor(round + 2);
  }
  await writeFile(chapter, original);
  child.kill('SIGINT');
  await new Promise((resolve) => child.on('exit', resolve));
  return samples;
}

function chromiumVersion(): string {
  try {
    return execFileSync('chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

function round3(value: number): number {
  return round(value, 3);
}
