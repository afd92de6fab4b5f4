import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import chokidar from 'chokidar';

/** Watching a manuscript and the templates for saves. */
export interface SourceWatcher {
  /** Stop watching; waits for a run under way to end. */
  close(): Promise<void>;
}

/** What to watch, and what to do when it changes. */
export interface WatchSourcesOptions {
  readonly paths: readonly string[];
  /** Files whose changes do not count (outputs, build folders). */
  readonly ignore: (file: string) => boolean;
  /** Called with the files that changed, never twice at once; changes during a run are gathered for the next. */
  readonly run: (changed: readonly string[]) => Promise<void>;
}

/** The kinds of file a build reads: manuscript, settings, references and styles, templates, images, fonts. */
const sourceFile = /\.(md|markdown|ya?ml|json|bib|csl|css|html|jpe?g|png|svg|gif|webp|tiff?|ttf|otf|woff2?)$/i;

/**
 * Watch files for saves: changes that come in a burst (editors write, rename, touch) are gathered into one call
 * to `run`, runs never overlap, and changes made during a run start one more run after it. chokidar follows files
 * that editors replace on save (write a copy, rename it over), which Node's fs.watch loses.
 * @param options paths, what to ignore, what to run
 */
export async function watchSources(options: WatchSourcesOptions): Promise<SourceWatcher> {
  let pending = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) return;
      // Temporary files of editors and tools come and go (a copy written, then renamed over the chapter): only
      // the kinds of file a build reads count, and folders (one made again). A run for a copy about to be renamed
      // would build the old text and then build again.
      const changed = [...pending].filter((file) => sourceFile.test(file) || statSync(file, { throwIfNoEntry: false })?.isDirectory());
      pending = new Set();
      if (changed.length === 0) return;
      running = options.run(changed).finally(() => {
        running = undefined;
        if (pending.size > 0) schedule();
      });
    }, 30);
  };

  const watcher = chokidar.watch([...options.paths], {
    ignoreInitial: true,
    ignored: (file) => options.ignore(path.resolve(file)) || path.basename(file).startsWith('.') || file.endsWith('.tmp') || file.endsWith('~'),
  });
  // A watched folder deleted and made again is a new folder that chokidar no longer follows: look at each one's
  // identity twice a second, and when it changes, watch it afresh and count it as changed. (A new folder may get
  // the old one's inode, so a removal chokidar reports also marks a folder that is gone.)
  const identity = (folder: string) => {
    const info = statSync(folder, { throwIfNoEntry: false });
    return info ? `${info.dev}:${info.ino}:${info.birthtimeMs}` : 'gone';
  };
  const identities = new Map(options.paths.map((folder) => [folder, identity(folder)]));
  watcher.on('all', (event, file) => {
    pending.add(path.resolve(file));
    if (event === 'unlink' || event === 'unlinkDir') for (const folder of identities.keys()) if (!existsSync(folder)) identities.set(folder, 'gone');
    schedule();
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  const poll = setInterval(() => {
    for (const [folder, known] of identities) {
      const now = identity(folder);
      if (now === known) continue;
      identities.set(folder, now);
      if (now !== 'gone') {
        watcher.unwatch(folder);
        watcher.add(folder);
      }
      pending.add(path.resolve(folder));
      schedule();
    }
  }, 500);
  poll.unref();

  return {
    async close() {
      clearInterval(poll);
      clearTimeout(timer);
      await watcher.close();
      await running?.catch(() => undefined);
    },
  };
}
