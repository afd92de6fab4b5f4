import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const processor = unified()
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', listItemIndent: 'one', fences: true });

/**
 * Write a chapter's tree as Markdown in the manuscript's house style.
 * @param tree the chapter
 */
export function chapterMarkdown(tree: Root): string {
  // Word's lists are tight: no blank lines between their items.
  visit(tree, (node) => {
    if (node.type === 'list' || node.type === 'listItem') node.spread = false;
  });
  return processor.stringify(tree);
}
