import { existsSync, watch as watchFiles, type FSWatcher } from 'node:fs';
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
  const watchers: FSWatcher[] = [];
  let previous: BuildResult | undefined;
  let pending = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const run = async (changed: readonly string[]) => {
    const start = performance.now();
    try {
      const result = await build({ ...options, browser, signal: options.signal }, reporter);
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
    }, 80);
  };

  const root = path.resolve(options.dir);
  for (const dir of [root, templatesDir]) {
    const watcher = watchFiles(dir, { recursive: true }, (_event, name) => {
      if (!name) return;
      const file = path.join(dir, name.toString());
      if (file === output || path.basename(file).startsWith('.') || file.endsWith('.tmp') || file.endsWith('~')) return;
      pending.add(file);
      schedule();
    });
    watchers.push(watcher);
  }

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
    for (const watcher of watchers) watcher.close();
    await running?.catch(() => undefined);
    await browser.close();
  }
}
