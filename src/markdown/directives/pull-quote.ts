import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { warning } from '../../messages/emit.js';

/** `:::pullquote{by="Name"}` … `:::`: a sentence from the text, set large between rules. */
export const pullQuote: DirectiveSpec<ContainerDirective> = {
  name: 'pullquote',
  type: 'containerDirective',
  attributes: ['by'],
  summary: ':::pullquote{by="Who said it"} … ::: a short quotation set large between rules',
  transform(node, file) {
    if (node.children.length === 0) warning(file, 'This pull quote is empty: write the sentence between `:::pullquote` and `:::`.', 'directive-empty', node.position);
    const by = node.attributes?.['by'];
    if (by) node.children.push({ type: 'paragraph', children: [{ type: 'text', value: by }], data: { hName: 'p', hProperties: { className: ['pull-quote-by'] } } });
    node.data = { ...node.data, hName: 'blockquote', hProperties: { className: ['pull-quote'] } };
  },
};
