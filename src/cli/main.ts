import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { build } from '../build/build.js';
import { check } from '../build/check.js';
import { printEdition, screenEdition } from '../images/edition.js';
import { formatMessages, messagesAsJson } from './format-messages.js';
import { formatPreflight } from './format-preflight.js';
import { preflight } from '../preflight/preflight.js';
import { preflightAccessibility } from '../preflight/accessibility/preflight-accessibility.js';
import { formatAccessibility } from './format-accessibility.js';
import { watch } from '../watch/watch.js';
import { startPreview } from '../preview/preview-server.js';
import { killBrowsers } from '../render/launch-browser.js';
import { FolioError } from '../messages/folio-error.js';
import { ManuscriptError } from '../messages/manuscript-error.js';
import { createReporter } from './reporter.js';
import { importCommand } from '../import/import-command.js';
import { describeOutput } from './describe-output.js';

/**
 * Folio's command line. Returns the exit code: 0 done, 1 the manuscript has errors, 2 anything else failed.
 * @param argv process.argv
 */
export async function main(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  // The first Ctrl-C cancels cleanly (the build stops between stages, the browser is closed); a second one
  // does not wait: it kills the browser and exits.
  const onSignal = () => {
    if (!controller.signal.aborted) return controller.abort();
    killBrowsers();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let code = 0;

  const program = new Command()
    .name('folio')
    .description('Build print-ready PDF reports from Markdown manuscripts.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('build')
    .description('build the report PDF from a manuscript folder')
    .argument('[dir]', 'manuscript folder (holds report.yaml and the chapter .md files)', 'manuscript')
    .option('-o, --output <file>', 'PDF to write (default: output/report.pdf in the current folder; report-print.pdf with --profile print, report-booklet.pdf with --booklet)')
    .option('--html <file>', 'also write the self-contained HTML the PDF was rendered from')
    .option('--proof <file>', 'also write a contact sheet PNG of every page')
    .option('--draft', 'mark every page DRAFT with the build time, for review copies')
    .addOption(new Option('--profile <edition>', 'screen: single pages, RGB, 150 ppi photos; print: facing pages, bleed, crop marks, PDF/X-4, 300 ppi').choices(['screen', 'print']).default('screen'))
    .option('--booklet', 'impose for saddle stitching: A3 sheets, two pages a side, in folding order (print duplex, flip on short edge)')
    .addOption(new Option('--timeout <seconds>', 'give up on a layout that takes longer').default(120).argParser(positiveNumber))
    .addOption(new Option('--parts <n>', 'lay the report out in n parts side by side (default: by its length and the cores; 1: whole)').argParser(positiveInteger))
    .option('--strict', 'fail, writing nothing, when typographic faults are left after layout (runt pages, bad breaks, …)')
    .option('-q, --quiet', 'print only problems')
    .action(async (dir: string, flags: { output?: string; html?: string; proof?: string; draft?: boolean; booklet?: boolean; profile: 'screen' | 'print'; timeout: number; parts?: number; strict?: boolean; quiet?: boolean }) => {
      const reporter = createReporter({ quiet: flags.quiet ?? false });
      const start = performance.now();
      const output = flags.output ?? path.join('output', flags.booklet ? 'report-booklet.pdf' : flags.profile === 'print' ? 'report-print.pdf' : 'report.pdf');
      const edition = flags.profile === 'print' ? printEdition : screenEdition;
      reporter.info(`Building ${dir} → ${output}`);
      const result = await build(
        { dir, output, html: flags.html, proof: flags.proof, draft: flags.draft, booklet: flags.booklet, edition, timeout: flags.timeout * 1000, parts: flags.parts, strict: flags.strict, signal: controller.signal },
        reporter,
      );
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      reporter.info(`Wrote ${result.output}: ${describeOutput(result.pages.length, flags.booklet === true)} in ${seconds} s`);
      if (result.preflight) reporter.info(formatPreflight(result.preflight).trimEnd());
    });

  program
    .command('watch')
    .description('build, then rebuild on every save, keeping the browser warm (Ctrl-C to stop)')
    .argument('[dir]', 'manuscript folder', 'manuscript')
    .option('-o, --output <file>', 'PDF to write', path.join('output', 'report.pdf'))
    .addOption(new Option('--profile <edition>', 'screen or print').choices(['screen', 'print']).default('screen'))
    .addOption(new Option('--timeout <seconds>', 'give up on a layout that takes longer').default(120).argParser(positiveNumber))
    .action(async (dir: string, flags: { output: string; profile: 'screen' | 'print'; timeout: number }) => {
      const reporter = createReporter();
      const edition = flags.profile === 'print' ? printEdition : screenEdition;
      await watch({ dir, output: flags.output, edition, timeout: flags.timeout * 1000, signal: controller.signal }, reporter);
      reporter.info('Stopped watching.');
    });

  program
    .command('preview')
    .description('a live preview in your browser (Chrome, Chromium, Edge): the pages as the PDF will be, updated on every save')
    .argument('[dir]', 'manuscript folder', 'manuscript')
    .addOption(new Option('-p, --port <port>', 'port on 127.0.0.1').default(4173).argParser((value) => Number.parseInt(value, 10)))
    .action(async (dir: string, flags: { port: number }) => {
      const reporter = createReporter({ quiet: true });
      const preview = await startPreview({ dir, port: flags.port }, reporter);
      process.stderr.write(`Preview of ${dir} at ${preview.url} (open it in Chrome, Chromium or Edge; Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
      await preview.close();
      process.stderr.write('Stopped the preview.\n');
    });

  program
    .command('check')
    .description('check a manuscript without building it: every problem with file:line:column')
    .argument('[dir]', 'manuscript folder', 'manuscript')
    .addOption(new Option('--format <format>', 'how to print the messages').choices(['text', 'json']).default('text'))
    .action(async (dir: string, flags: { format: 'text' | 'json' }) => {
      const json = flags.format === 'json';
      const reporter = createReporter({ quiet: true });
      const result = await check(dir, reporter, 'screen', controller.signal);
      if (json) process.stdout.write(`${JSON.stringify(messagesAsJson(result.files), null, 2)}\n`);
      else process.stdout.write(formatMessages(result.files, Boolean(process.stdout.isTTY)) || 'No problems found.\n');
      code = result.failed ? 1 : 0;
    });

  program
    .command('preflight')
    .description('check a PDF the way a print shop does: boxes, fonts, images, PDF/X, colour, text')
    .argument('<file>', 'the PDF')
    .option('--print', 'judge it as a print edition even if it does not claim PDF/X')
    .option('--accessibility', 'also check it for PDF/UA-1: the Matterhorn Protocol\'s machine-checkable conditions')
    .addOption(new Option('--format <format>', 'how to print the report').choices(['text', 'json']).default('text'))
    .action(async (file: string, flags: { print?: boolean; accessibility?: boolean; format: 'text' | 'json' }) => {
      // The PDF is the user's own file, named on the command line: not a manuscript's, so not the files layer's.
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new FolioError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'there is no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message}. Name the PDF to check.`);
      });
      const report = await preflight(file, { asPrint: flags.print ?? false });
      const accessibility = flags.accessibility ? await preflightAccessibility(bytes) : undefined;
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify(accessibility ? { ...report, accessibility } : report, null, 2)}\n`);
      else process.stdout.write(formatPreflight(report) + (accessibility ? formatAccessibility(file, accessibility) : ''));
      code = report.faults.length > 0 || (accessibility?.findings.length ?? 0) > 0 ? 1 : 0;
    });

  program
    .command('import')
    .description('turn a Word draft (.docx) into a manuscript folder, with a report of what could not be carried over')
    .argument('<draft>', 'the Word document (.docx)')
    .argument('[dir]', 'manuscript folder to write (default: named after the draft)')
    .option('--style-map <file>', 'more style-map lines (mammoth syntax), before Folio\'s own')
    .option('--force', 'replace the manuscript in a folder that is not empty')
    .option('-q, --quiet', 'print only what could not be carried over')
    .action(async (draft: string, dir: string | undefined, flags: { styleMap?: string; force?: boolean; quiet?: boolean }) => {
      await importCommand(draft, dir, flags, createReporter({ quiet: flags.quiet ?? false }));
    });

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    code = exitCode(error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return code;
}

function exitCode(error: unknown): number {
  const { code, exitCode } = (error ?? {}) as { code?: string; exitCode?: number };
  // Help and version end with commander's exit code 0; a usage mistake is 2, like other command-line tools.
  if (typeof code === 'string' && code.startsWith('commander.')) return exitCode === 0 ? 0 : 2;
  if ((error instanceof Error && error.name === 'AbortError') || (error instanceof FolioError && error.message === 'The build was cancelled.')) {
    process.stderr.write('\nfolio: cancelled; the previous output is unchanged.\n');
    return 130;
  }
  if (error instanceof ManuscriptError) {
    process.stderr.write(`\n${error.message}\n`);
    return 1;
  }
  if (error instanceof FolioError) {
    process.stderr.write(`\nfolio: ${error.message}\n`);
    return 2;
  }
  // A failure Folio did not foresee is its own bug, not the author's: one sentence, and the trace only on request.
  const detail = process.env['FOLIO_DEBUG'] ? `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : '';
  process.stderr.write(`\nfolio: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. This is a fault in Folio, not in the manuscript: please report it with the manuscript (FOLIO_DEBUG=1 prints where it happened); the previous output is unchanged.${detail}\n`);
  return 2;
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('Give a number of seconds, such as 120.');
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('Give a whole number, such as 2.');
  return number;
}
