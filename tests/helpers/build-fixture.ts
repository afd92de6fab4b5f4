import './test-cache.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { build, type BuildOptions, type BuildResult } from '../../src/build/build.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { launchBrowser } from '../../src/render/launch-browser.js';

let shared: Promise<Browser> | undefined;

/** One real Chromium for all builds of a test file (launch fails, never skips, when no browser is installed). */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser();
  return shared;
}

/** Close the shared browser, if one was started. */
export async function closeSharedBrowser(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}

/**
 * Build a manuscript folder into a fresh temporary folder with the shared browser.
 * @param dir the manuscript folder
 * @param options more build options
 */
export async function buildInTemp(dir: string, options: Partial<BuildOptions> = {}): Promise<BuildResult & { outDir: string }> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'folio-test-'));
  const result = await build({ dir, output: path.join(outDir, 'report.pdf'), browser: await sharedBrowser(), ...options }, silentReporter());
  return { ...result, outDir };
}

/**
 * Build as `buildInTemp` does, and keep the first PDF as Chromium printed it too (`printed`, beside the output),
 * before finishing: there a word hyphenated at a line's end still reads broken (U+00AD), before /ActualText.
 * @param dir the manuscript folder
 * @param options more build options
 */
export async function buildKeepingPrinted(dir: string, options: Partial<BuildOptions> = {}): Promise<BuildResult & { outDir: string; printed: string }> {
  let raw: readonly Uint8Array[] = [];
  const result = await buildInTemp(dir, { ...options, printed: (pdfs) => void (raw = pdfs) });
  const printed = `${result.output}.printed.pdf`;
  await writeFile(printed, raw[0] ?? new Uint8Array());
  return { ...result, printed };
}
