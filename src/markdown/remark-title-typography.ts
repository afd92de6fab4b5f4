import type { Paragraph, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** remark-smartypants' options (the package does not export their type). */
type Options = NonNullable<Parameters<typeof remarkSmartypants>[0]>;

/**
 * Typography for image titles, which become figure and gallery captions: Markdown keeps a title as a plain
 * string, which remark-smartypants never sees, so `2019--2024` and `Pakistan's` would print as typed. Each title
 * goes through remark-smartypants with the options the text has, as a paragraph of its own.
 * @param options remark-smartypants' options, the same as the text's
 */
export default function remarkTitleTypography(options: Options = {}) {
  const smartypants = unified().use(remarkSmartypants, options);
  return (tree: Root) => {
    visit(tree, 'image', (node) => {
      if (!node.title) return;
      const text: Text = { type: 'text', value: node.title };
      const paragraph: Paragraph = { type: 'paragraph', children: [text] };
      const root: Root = { type: 'root', children: [paragraph] };
      smartypants.runSync(root);
      node.title = text.value;
    });
  };
}
