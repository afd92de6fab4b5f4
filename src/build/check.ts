import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { Reporter } from '../cli/reporter.js';
import { untilAborted } from './until-aborted.js';
import { checkCharacters, checkConfigCharacters } from '../checks/check-characters.js';
import { checkHeadings } from '../checks/check-headings.js';
import { checkContrast } from '../checks/check-contrast.js';
import { checkImages } from '../checks/check-images.js';
import { checkConfigImages } from '../checks/check-config-images.js';
import { checkLinks } from '../checks/check-links.js';
import { checkThemeFonts } from '../checks/check-theme-fonts.js';
import { fontCoverage } from '../checks/font-coverage.js';
import { assembleDocument, type CompiledChapter } from '../document/assemble-document.js';
import { themeFonts } from '../document/theme-style.js';
import { svgFontsFor } from '../images/svg-fonts-for.js';
import { createHyphenator } from '../html/create-hyphenator.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import { readManuscript } from '../manuscript/read-manuscript.js';
import { compileCached } from '../markdown/compile-cache.js';
import { compileChapter } from '../markdown/compile-chapter.js';
import { createHash } from 'node:crypto';
import { visit } from 'unist-util-visit';
import { citationEngineFor } from '../citations/citation-engine-for.js';
import { placeBibliography } from '../citations/place-bibliography.js';

/** A manuscript that was read, compiled, assembled and checked. */
export interface Checked {
  readonly manuscript: Manuscript;
  readonly chapters: readonly CompiledChapter[];
  /** The whole report as one HTML tree. */
  readonly document: Root;
}

/** What checking found: the manuscript's files with their messages, and the checked report when it has no errors. */
export interface CheckResult {
  readonly files: readonly VFile[];
  readonly checked?: Checked;
  /** Whether any message is an error. */
  readonly failed: boolean;
}

/**
 * Every validation, without rendering: read the folder and report.yaml, compile the chapters, assemble the
 * report, then check images, characters, links and headings. `folio check` is this; `folio build` runs it first
 * and renders only when it found no errors.
 * @param dir the manuscript folder
 * @param reporter where stage progress goes
 * @param edition which edition's stylesheets the document links
 * @param signal cancels the check (Ctrl-C): obeyed before each stage and between a chapter's plugins
 */
export async function check(dir: string, reporter: Reporter, edition: 'screen' | 'print' = 'screen', signal?: AbortSignal): Promise<CheckResult> {
  const stage = <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    signal?.throwIfAborted();
    return reporter.stage(name, () => untilAborted(Promise.resolve().then(run), signal));
  };
  const { manuscript, files } = await stage('read manuscript', () => readManuscript(dir));
  if (!manuscript) return { files, failed: true };
  const chapters = await stage('compile chapters', () => compileChapters(manuscript, signal));
  const document = await stage('assemble document', () => assembleDocument(manuscript, chapters, edition));
  await stage('check', async () => {
    const covered = await fontCoverage(themeFonts(manuscript));
    const { families } = svgFontsFor(manuscript);
    await Promise.all([...chapters.map(({ tree, file }) => checkImages(tree, file, families)), checkConfigImages(manuscript, families)]);
    for (const { tree, file } of chapters) checkCharacters(tree, file, covered);
    checkConfigCharacters(manuscript, covered);
    await checkThemeFonts(manuscript);
    checkContrast(manuscript);
    checkLinks(document, chapters);
    checkHeadings(chapters, manuscript.config.contents.depth);
  });
  signal?.throwIfAborted();
  const failed = files.some((file) => file.messages.some((message) => message.fatal));
  return failed ? { files, failed } : { files, failed, checked: { manuscript, chapters, document } };
}

async function compileChapters(manuscript: Manuscript, signal: AbortSignal | undefined): Promise<CompiledChapter[]> {
  const { hyphenate } = createHyphenator(manuscript.config.language);
  const languages = manuscript.config.passageLanguages;
  const citations = await citationEngineFor(manuscript);
  if (!citations) {
    return Promise.all(
      manuscript.chapters.map(async (file, index) => {
        const options = { root: manuscript.root, hyphenate, idPrefix: `c${index + 1}-`, citations: manuscript.bibliography ? (false as const) : undefined, languages, signal };
        const key = `${options.root}|${options.idPrefix}|${manuscript.config.language}|${languages?.join(' ')}`;
        return { file, tree: await compileCached(file, key, () => compileChapter(file, options)) };
      }),
    );
  }
  // In order: a notes style prints a work in full where the report first cites it, shorter after.
  const compiled: CompiledChapter[] = [];
  const bibliography = createHash('sha256').update(String(manuscript.bibliography?.value)).update(manuscript.config['citation-style'] ?? '').digest('hex');
  for (const [index, file] of manuscript.chapters.entries()) {
    const options = { root: manuscript.root, hyphenate, idPrefix: `c${index + 1}-`, citations, languages, signal };
    const key = `${options.root}|${options.idPrefix}|${manuscript.config.language}|${languages?.join(' ')}|${bibliography}|${[...citations.cited].join(' ')}`;
    const tree = await compileCached(file, key, () => compileChapter(file, options));
    // A chapter taken from the cache cited its works too.
    visit(tree, 'element', (node) => {
      if (typeof node.properties['dataCites'] === 'string') for (const cited of node.properties['dataCites'].split(' ')) citations.cited.add(cited);
    });
    compiled.push({ file, tree });
  }
  return placeBibliography(compiled, citations);
}
