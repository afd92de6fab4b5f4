import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import type { Loss } from './loss-marker.js';
import rehypeWordFigures from './rehype-word-figures.js';
import rehypeWordTables from './rehype-word-tables.js';
import { splitChapters, type Chapter } from './split-chapters.js';
import { takeTitlePage, type TitlePage } from './take-title-page.js';
import { wordHandlers } from './word-handlers.js';

/**
 * Turn mammoth's HTML into the manuscript's chapters: figures and tables shaped for Folio, the title page taken
 * out for report.yaml, then Markdown trees split at each Heading 1.
 * @param html mammoth's HTML
 * @param fallbackTitle a title for text that has no Heading 1 (when the first page has none either)
 * @param losses the import's losses (appended to)
 * @param knownTitle the title in the draft's File › Properties
 */
export function draftChapters(html: string, fallbackTitle: string, losses: Loss[], knownTitle?: string): { chapters: Chapter[]; titlePage: TitlePage } {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  unified().use(rehypeWordFigures).use(rehypeWordTables, { losses }).runSync(tree);
  const titlePage = takeTitlePage(tree, knownTitle);
  const markdown = unified().use(rehypeRemark, { handlers: wordHandlers }).runSync(tree) as MdastRoot;
  return { chapters: splitChapters(markdown, titlePage.title?.value ?? fallbackTitle, losses), titlePage };
}
