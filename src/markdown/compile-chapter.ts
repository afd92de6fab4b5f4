import type { Root } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkSmartypants from 'remark-smartypants';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';
import remarkFolioDirectives from './remark-folio-directives.js';
import remarkHeadingLevels from './remark-heading-levels.js';
import rehypeMarkMarkdown from '../html/rehype-mark-markdown.js';
import rehypeRawAllowlist from '../html/rehype-raw-allowlist.js';
import rehypeFigures from '../html/rehype-figures.js';
import rehypeProgramme from '../html/rehype-programme.js';
import rehypeHyphenate from '../html/rehype-hyphenate.js';
import rehypeAssets from '../html/rehype-assets.js';
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
}

/**
 * Compile one chapter: Markdown (CommonMark, GFM, directives) to an HTML tree, with messages on `file`.
 * @param file the chapter, its Markdown in `value`
 * @param options manuscript folder, hyphenation and id prefix
 */
export async function compileChapter(file: VFile, options: ChapterOptions): Promise<Root> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkCitations, { engine: options.citations })
    .use(remarkCrossReferences)
    .use(remarkSmartypants, { dashes: 'oldschool' })
    .use(remarkFolioDirectives)
    .use(remarkHeadingLevels)
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
    .use(rehypeRaw)
    .use(rehypeRawAllowlist)
    .use(rehypeFigures)
    .use(rehypeTableCaptions)
    .use(rehypeProgramme)
    .use(rehypeAssets, { root: options.root })
    .use(rehypeHyphenate, { hyphenate: options.hyphenate });
  const mdast = processor.parse(file);
  return (await processor.run(mdast, file)) as Root;
}
