import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { warning } from '../../messages/emit.js';

/** `:::keep` … `:::`: the blocks inside stay together on one page. */
export const keep: DirectiveSpec<ContainerDirective> = {
  name: 'keep',
  type: 'containerDirective',
  attributes: [],
  summary: ':::keep … ::: keeps what it holds together on one page (move it whole rather than split it)',
  transform(node, file) {
    if (node.children.length === 0) warning(file, 'This `:::keep` holds nothing: put the blocks to keep together between `:::keep` and `:::`.', 'directive-empty', node.position);
    node.data = { ...node.data, hName: 'div', hProperties: { className: ['keep'] } };
  },
};
