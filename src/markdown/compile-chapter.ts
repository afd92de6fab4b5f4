import type { Root } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkSmartypants from 'remark-smartypants';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';
import { checkControlCharacters } from './check-control-characters.js';
import { checkSourceLimits } from './check-source-limits.js';
import remarkLimits from './remark-limits.js';
import remarkCaptionNotes from './remark-caption-notes.js';
import remarkNoteDefinitions from './remark-note-definitions.js';
import remarkNoteReferences from './remark-note-references.js';
import remarkTitleTypography from './remark-title-typography.js';
import rehypeLimitDepth from '../html/rehype-limit-depth.js';
import rehypeUnprintedTitles from '../html/rehype-unprinted-titles.js';
import { unifiedCheckpoint } from './unified-checkpoint.js';
import remarkFolioDirectives from './remark-folio-directives.js';
import remarkTextDirectives from './remark-text-directives.js';
import remarkHeadingLevels from './remark-heading-levels.js';
import rehypeMarkMarkdown from '../html/rehype-mark-markdown.js';
import rehypeRawAllowlist from '../html/rehype-raw-allowlist.js';
import rehypeLinkPolicy from '../html/rehype-link-policy.js';
import rehypeFigures from '../html/rehype-figures.js';
import rehypeProgramme from '../html/rehype-programme.js';
import rehypeHyphenate from '../html/rehype-hyphenate.js';
import rehypeBreakUrls from '../html/rehype-break-urls.js';
import rehypeKeepRanges from '../html/rehype-keep-ranges.js';
import rehypeAssets from '../html/rehype-assets.js';
import rehypeTextDirection from '../html/rehype-text-direction.js';
import rehypeTaskListLabels from '../html/rehype-task-list-labels.js';
import rehypeUnwrapPassages from '../html/rehype-unwrap-passages.js';
import remarkCitations from '../citations/remark-citations.js';
import type { CitationEngine } from '../citations/citation-engine.js';
import remarkCrossReferences from '../cross-references/remark-cross-references.js';
import rehypeTableCaptions from '../cross-references/rehype-table-captions.js';

/** What compiling a chapter needs to know. */
export interface ChapterOptions {
  /** The manuscript folder, for image paths. */
  readonly root: string;
  /** Soft-hyphen inserter for the report's language. */
  readonly hyphenate: (text: string) => string;
  /** Prefix for footnote ids, unique per chapter so that chapters can share one page. */
  readonly idPrefix: string;
  /** The report's bibliography and citation style, when it has one (`false`: named but unreadable). */
  readonly citations?: CitationEngine | false | undefined;
  /** The languages Arabic-script text is guessed among (report.yaml's `passageLanguages`; default the region's). */
  readonly languages?: readonly string[] | undefined;
  /** The build's cancellation signal: obeyed between plugins. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Compile one chapter: Markdown (CommonMark, GFM, directives) to an HTML tree, with messages on `file`.
 * @param file the chapter, its Markdown in `value`
 * @param options manuscript folder, hyphenation and id prefix
 */
export async function compileChapter(file: VFile, options: ChapterOptions): Promise<Root> {
  // `--` an en dash and `---` an em dash, in the text and in image titles alike.
  const typography = { dashes: 'oldschool' } as const;
  const processor = unified()
    .use(remarkParse)
    .use(unifiedCheckpoint(options.signal))
    .use(remarkGfm)
    .use(unifiedCheckpoint(options.signal))
    .use(remarkDirective)
    .use(remarkTextDirectives)
    .use(remarkLimits)
    .use(remarkCaptionNotes)
    .use(remarkNoteDefinitions)
    .use(remarkNoteReferences)
    .use(remarkCitations, { engine: options.citations })
    .use(remarkCrossReferences)
    .use(remarkSmartypants, typography)
    .use(remarkTitleTypography, typography)
    .use(unifiedCheckpoint(options.signal))
    .use(remarkFolioDirectives)
    .use(remarkHeadingLevels)
    .use(unifiedCheckpoint(options.signal))
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: options.idPrefix,
      footnoteLabel: 'Notes',
      footnoteLabelTagName: 'p',
      footnoteLabelProperties: { className: ['footnotes-title'] },
      // The default ↩ is in neither bundled font; ↑ is.
      footnoteBackContent: '↑',
    })
    .use(rehypeMarkMarkdown)
    .use(unifiedCheckpoint(options.signal))
    .use(rehypeRaw)
    .use(unifiedCheckpoint(options.signal))
    .use(rehypeLimitDepth)
    .use(rehypeRawAllowlist)
    .use(rehypeLinkPolicy)
    .use(unifiedCheckpoint(options.signal))
    .use(rehypeFigures)
    .use(rehypeTableCaptions)
    .use(rehypeProgramme)
    .use(rehypeAssets, { root: options.root })
    .use(rehypeUnprintedTitles)
    .use(unifiedCheckpoint(options.signal))
    .use(rehypeUnwrapPassages)
    .use(rehypeTextDirection, { languages: options.languages })
    .use(rehypeTaskListLabels)
    .use(unifiedCheckpoint(options.signal))
    .use(rehypeHyphenate, { hyphenate: options.hyphenate })
    .use(rehypeBreakUrls)
    .use(rehypeKeepRanges);
  if (!checkControlCharacters(file) || !checkSourceLimits(file)) return { type: 'root', children: [] };
  try {
    const mdast = processor.parse(file);
    return (await processor.run(mdast, file)) as Root;
  } catch (cause) {
    // The limits keep trees shallow; should a shape they do not foresee still exhaust the stack, say so.
    if (!(cause instanceof RangeError)) throw cause;
    error(file, 'This chapter nests its elements too deeply for Folio to read (lists, quotes, emphasis or HTML inside one another): nest them less deeply.', 'too-large');
    return { type: 'root', children: [] };
  }
}
