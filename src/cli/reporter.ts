import { Writable } from 'node:stream';
import type { VFile } from 'vfile';
import { formatMessages } from './format-messages.js';

/** Where every line Folio prints goes: stage progress with timings, manuscript messages, notes. */
export interface Reporter {
  /** Run one stage, showing its name while it runs and its time when it is done. */
  stage<T>(name: string, run: () => Promise<T> | T): Promise<T>;
  /** Show the messages on the given files (`file:line:column  severity  reason  rule`). */
  messages(files: readonly VFile[]): void;
  /** A line of information. */
  info(text: string): void;
  /**
   * A warning about the output rather than about a line of a manuscript file (a page's layout, the browser, the
   * PDF's accessibility): a problem, so shown when quiet too, like `messages`.
   */
  warning(text: string): void;
  /** Time each finished stage took, in order. */
  readonly timings: readonly { stage: string; ms: number }[];
}

/** Options for {@link createReporter}. */
export interface ReporterOptions {
  readonly stream?: Writable & { isTTY?: boolean };
  /** Print nothing but messages (for scripts). */
  readonly quiet?: boolean;
  /** Use colour (default: when the stream is a terminal). */
  readonly color?: boolean;
}

/**
 * The reporter the CLI uses: progress to stderr, one line per stage with its time.
 * @param options stream, quiet and colour
 */
export function createReporter(options: ReporterOptions = {}): Reporter {
  const stream = options.stream ?? process.stderr;
  const color = options.color ?? Boolean(stream.isTTY);
  const timings: { stage: string; ms: number }[] = [];
  const dim = (text: string) => (color ? `\x1b[2m${text}\x1b[22m` : text);
  const write = (line: string) => {
    if (!options.quiet) stream.write(`${line}\n`);
  };
  return {
    timings,
    async stage(name, run) {
      const start = performance.now();
      if (stream.isTTY && !options.quiet) stream.write(dim(`  … ${name}`));
      try {
        const result = await run();
        const ms = performance.now() - start;
        timings.push({ stage: name, ms });
        if (stream.isTTY && !options.quiet) stream.write('\r\x1b[2K');
        write(`  ${color ? '\x1b[32m✓\x1b[39m' : '✓'} ${name.padEnd(26)} ${dim(formatMs(ms).padStart(8))}`);
        return result;
      } catch (error) {
        if (stream.isTTY && !options.quiet) stream.write('\r\x1b[2K');
        write(`  ${color ? '\x1b[31m✗\x1b[39m' : '✗'} ${name}`);
        throw error;
      }
    },
    messages(files) {
      stream.write(formatMessages(files, color));
    },
    info(text) {
      write(text);
    },
    warning(text) {
      stream.write(`  ${color ? '\x1b[33mwarning\x1b[39m' : 'warning'}  ${text}\n`);
    },
  };
}

/** A reporter that prints nothing: for library use and tests. */
export function silentReporter(): Reporter {
  return createReporter({ quiet: true, stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
