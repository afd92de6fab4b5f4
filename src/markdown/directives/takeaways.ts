import type { Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { warning } from '../../messages/emit.js';

/** `:::takeaways[Title]`: a set-apart box of key takeaways; the title defaults to "Key Takeaways". */
export const takeaways: DirectiveSpec<ContainerDirective> = {
  name: 'takeaways',
  type: 'containerDirective',
  attributes: [],
  summary: ':::takeaways[Key Takeaways] … ::: a box of key points (a question paragraph, then a list)',
  transform(node, file) {
    const label = takeLabel(node);
    const title: Paragraph = label ?? { type: 'paragraph', children: [{ type: 'text', value: 'Key Takeaways' }] };
    title.data = { ...title.data, hName: 'p', hProperties: { className: ['takeaways-title'] } };
    if (node.children.length === 0) warning(file, 'This takeaways box is empty: add the points as a list between `:::takeaways` and `:::`.', 'directive-empty', node.position);
    node.children.unshift(title);
    node.data = { ...node.data, hName: 'aside', hProperties: { className: ['takeaways'] } };
  },
};
