import { existsSync } from 'node:fs';
import chokidar from 'chokidar';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../build/build.js';
import type { Reporter } from '../cli/reporter.js';
import { ManuscriptError } from '../messages/manuscript-error.js';
import { FolioError } from '../messages/folio-error.js';
import { templatesDir } from '../package-paths.js';
import { launchBrowser } from '../render/launch-browser.js';
import { changedPages, describePages } from './changed-pages.js';

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
  const browser = await launchBrowser(options.signal);
  const output = path.resolve(options.output);
  let previous: BuildResult | undefined;
  let pending = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  // The next build's page is opened while waiting for a change, so a rebuild does not wait for it.
  let spare = browser.newPage();
  const run = async (changed: readonly string[]) => {
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
    if (!page.isClosed()) await page.close().catch(() => undefined);
    spare = browser.newPage();
    reporter.info('Watching for changes (Ctrl-C to stop)…');
  };

  const schedule = () => {
    clearTimeout(timer);
    // Editors save in bursts (write, rename, touch): wait for the burst to end.
    timer = setTimeout(() => {
      if (running) return;
      // Editors' and tools' temporary files come and go; report what is still there, and removed manuscript files.
      const changed = [...pending].filter((file) => existsSync(file) || /\.(md|ya?ml|css|jpe?g|png|svg|gif|webp)$/i.test(file));
      pending = new Set();
      if (changed.length === 0) return;
      const names = changed.map((file) => `${path.relative(process.cwd(), file)}${existsSync(file) ? '' : ' (removed)'}`);
      reporter.info(`\nChanged: ${names.join(', ')}`);
      running = run(changed).finally(() => {
        running = undefined;
        if (pending.size > 0) schedule();
      });
    }, 30);
  };

  const root = path.resolve(options.dir);
  // chokidar follows files that editors replace on save (write a copy, rename it over), which fs.watch loses.
  const watcher = chokidar.watch([root, templatesDir], {
    ignoreInitial: true,
    ignored: (file) => file === output || path.basename(file).startsWith('.') || file.endsWith('.tmp') || file.endsWith('~'),
  });
  watcher.on('all', (_event, file) => {
    pending.add(path.resolve(file));
    schedule();
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  try {
    reporter.info(`Watching ${path.relative(process.cwd(), root) || '.'} and the templates; first build:`);
    running = run([]).finally(() => {
      running = undefined;
    });
    await new Promise<void>((resolve) => {
      if (options.signal.aborted) resolve();
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    clearTimeout(timer);
    await watcher.close();
    await running?.catch(() => undefined);
    await browser.close();
  }
}
