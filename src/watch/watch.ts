import { existsSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../build/build.js';
import { checkOutputPath } from '../files/check-output-path.js';
import type { Reporter } from '../cli/reporter.js';
import { ManuscriptError } from '../messages/manuscript-error.js';
import { FolioError } from '../messages/folio-error.js';
import { templatesDir } from '../package-paths.js';
import { launchBrowser } from '../render/launch-browser.js';
import { openTab } from '../render/open-tab.js';
import { keepCompiledChapters } from '../markdown/compile-cache.js';
import { keepCitationEngines } from '../citations/csl-engine.js';
import { changedPages, describePages } from './changed-pages.js';
import { watchSources } from './watch-sources.js';

/** What `watch` needs: the build's options (its browser is the watcher's own), and how to stop. */
export interface WatchOptions extends Omit<BuildOptions, 'browser' | 'signal'> {
  /** Stops watching: the browser is closed and the promise resolves. */
  readonly signal: AbortSignal;
  /** Called after every build attempt, for tests and tools. */
  readonly onBuild?: ((outcome: { result?: BuildResult; error?: unknown; changed: readonly string[] }) => void) | undefined;
}

/**
 * Build, then rebuild on every save in the manuscript folder or the templates, keeping one browser warm. Each
 * rebuild prints the files that changed, the pages that changed and the time of each stage; a broken edit prints
 * its positioned errors and leaves the last good PDF in place; fixing it rebuilds. Resolves when `signal` aborts.
 * @param options build options and the stop signal
 * @param reporter where everything is printed
 */
export async function watch(options: WatchOptions, reporter: Reporter): Promise<void> {
  keepCompiledChapters();
  keepCitationEngines();
  // A bad -o is refused once, before the browser starts, not at every rebuild.
  checkOutputPath(options.output, '-o', options.dir);
  const browser = await launchBrowser(options.signal);
  const output = path.resolve(options.output);
  let previous: BuildResult | undefined;

  // The next build's page is opened while waiting for a change, so a rebuild does not wait for it. It has a browser
  // context (so a renderer process) of its own, as a build's tab has: a rebuild prints the same bytes as a fresh
  // build. (When the browser closes at the end, the page that was being opened fails: that failure is expected.)
  const openSpare = () => {
    const page = openTab(browser);
    page.catch(() => undefined);
    return page;
  };
  let spare = openSpare();
  const root = path.resolve(options.dir);
  const run = async (changed: readonly string[]) => {
    if (changed.length > 0) {
      const names = changed.map((file) => `${path.relative(process.cwd(), file) || '.'}${existsSync(file) ? '' : ' (removed)'}`);
      reporter.info(`\nChanged: ${names.join(', ')}`);
    }
    if (!existsSync(root)) {
      reporter.info(`The manuscript folder ${path.relative(process.cwd(), root) || '.'} was removed: the last good PDF is unchanged; waiting for the folder to come back.`);
      return;
    }
    const start = performance.now();
    const page = await spare;
    try {
      const result = await build({ ...options, browser, page, signal: options.signal }, reporter);
      const seconds = ((performance.now() - start) / 1000).toFixed(2);
      const pages = previous ? `; ${describePages(changedPages(previous.pages, result.pages))} changed` : '';
      reporter.info(`Wrote ${options.output}: ${result.pages.length} pages in ${seconds} s${pages}`);
      previous = result;
      options.onBuild?.({ result, changed });
    } catch (error) {
      if (options.signal.aborted) return;
      if (error instanceof ManuscriptError) reporter.info(`${error.message.replace('nothing was written', 'the last good PDF is unchanged')}`);
      else if (error instanceof FolioError) reporter.info(`folio: ${error.message} The last good PDF is unchanged.`);
      else reporter.info(`folio: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
      options.onBuild?.({ error, changed });
    }
    await page.browserContext().close().catch(() => undefined);
    if (!options.signal.aborted) spare = openSpare();
    reporter.info('Watching for changes (Ctrl-C to stop)…');
  };

  reporter.info(`Watching ${path.relative(process.cwd(), root) || '.'} and the templates; first build:`);
  const first = run([]);
  // Watching starts at once: a save during the first build rebuilds right after it.
  const watcher = await watchSources({
    paths: [root, templatesDir],
    ignore: (file) => file === output,
    run: async (changed) => {
      await first;
      await run(changed);
    },
  });
  try {
    await first;
    await new Promise<void>((resolve) => {
      if (options.signal.aborted) resolve();
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await watcher.close();
    await browser.close();
  }
}
