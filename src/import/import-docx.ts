import path from 'node:path';
import { VFile } from 'vfile';
import type { Reporter } from '../cli/reporter.js';
import { warning } from '../messages/emit.js';
import { writeAtomic } from '../output/write-atomic.js';
import { chapterMarkdown } from './chapter-markdown.js';
import { convertDocx } from './convert-docx.js';
import { defaultStyleMap } from './default-style-map.js';
import { draftChapters } from './draft-chapters.js';
import { importReportText } from './import-report-text.js';
import { importSummary } from './import-summary.js';
import type { Loss } from './loss-marker.js';
import { lineHolding } from './line-holding.js';
import { markLosses } from './mark-losses.js';
import { openDocx } from './open-docx.js';
import { placeMarkers } from './place-markers.js';
import { prepareFolder } from './prepare-folder.js';
import { readProperties } from './read-properties.js';
import { reportYaml } from './report-yaml.js';

/** What `folio import` needs. */
export interface ImportOptions {
  /** The Word draft (.docx). */
  readonly draft: string;
  /** The manuscript folder to write. */
  readonly dir: string;
  /** Replace the manuscript in a folder that is not empty. */
  readonly force?: boolean;
  /** Style-map lines of the user's own, before Folio's (mammoth's syntax). */
  readonly styleMap?: readonly string[];
}

/** What an import wrote and what it could not carry over. */
export interface ImportResult {
  /** The chapter files written, in order. */
  readonly chapters: readonly string[];
  /** The draft, report.yaml and the chapters, carrying the import report's messages. */
  readonly files: readonly VFile[];
  /** What was carried over, in a line or two. */
  readonly summary: string;
  /** The import report written beside the manuscript. */
  readonly reportFile: string;
}

/**
 * Turn a Word draft into a manuscript folder: chapters at each Heading 1, notes, tables, figures with captions,
 * mapped styles as Folio's parts, report.yaml from the properties and the first page, and an import report that
 * names every place where something could not be carried over.
 * @param options the draft, the folder, whether to overwrite, extra style-map lines
 * @param reporter where stage progress goes
 */
export async function importDocx(options: ImportOptions, reporter: Reporter): Promise<ImportResult> {
  const { dir } = options;
  const draftName = path.basename(options.draft);
  const docx = await reporter.stage('open draft', () => openDocx(options.draft));
  await reporter.stage('check folder', () => prepareFolder(dir, options.force ?? false));
  const losses: Loss[] = [];
  const properties = await reporter.stage('read properties', async () => {
    const found = await readProperties(docx.zip);
    losses.push(...(await markLosses(docx.zip)));
    return found;
  });
  const converted = await reporter.stage('convert with mammoth', () => convertDocx(docx.zip, [...(options.styleMap ?? []), ...defaultStyleMap], losses, draftName));
  const { chapters, titlePage } = await reporter.stage('write markdown', () => draftChapters(converted.html, properties.title ?? draftName.replace(/\.docx$/i, ''), losses, properties.title));
  const draftFile = new VFile({ path: options.draft });
  const files = chapters.map((chapter) => {
    const { text, lines } = placeMarkers(chapterMarkdown(chapter.tree));
    const file = new VFile({ path: path.join(dir, chapter.name), value: text });
    for (const loss of losses) {
      const line = lines.get(loss.id);
      if (line) warning(file, loss.reason, loss.rule, { line, column: 1 });
    }
    return { file, lines };
  });
  // A loss known only by its text (mammoth's message about a style) goes on the first line that holds that text.
  for (const loss of losses) {
    if (!loss.near || files.some(({ lines }) => lines.has(loss.id))) continue;
    for (const { file, lines } of files) {
      const line = lineHolding(String(file.value), loss.near);
      if (!line) continue;
      lines.set(loss.id, line);
      warning(file, loss.reason, loss.rule, { line, column: 1 });
      break;
    }
  }
  // What left no marker in the text (mammoth's own messages, headers and footers) is reported on the draft.
  for (const loss of losses) if (!files.some(({ lines }) => lines.has(loss.id))) warning(draftFile, loss.reason, loss.rule);
  const yaml = reportYaml(properties, titlePage, draftName);
  const configFile = new VFile({ path: path.join(dir, 'report.yaml'), value: yaml.text });
  for (const guess of yaml.guesses) {
    const line = yaml.text.split('\n').findIndex((text) => text.startsWith(`${guess.key}:`)) + 1;
    warning(configFile, `\`${guess.key}\` is ${guess.source}: confirm it.`, 'import-guess', { line, column: 1 });
  }
  const reported = [draftFile, configFile, ...files.map(({ file }) => file)];
  const summary = importSummary(draftName, chapters, converted.images.size);
  const reportFile = path.join(dir, 'import-report.txt');
  await reporter.stage('write manuscript', async () => {
    for (const [name, bytes] of converted.images) await writeAtomic(path.join(dir, name), bytes);
    for (const { file } of files) await writeAtomic(file.path, String(file.value));
    await writeAtomic(configFile.path, yaml.text);
    await writeAtomic(reportFile, importReportText(summary, reported));
  });
  return { chapters: chapters.map((chapter) => chapter.name), files: reported, summary, reportFile };
}
