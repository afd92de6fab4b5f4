import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { warning } from '../../messages/emit.js';

/** `:::landscape` … `:::`: what it holds goes on a page of its own, turned a quarter turn for a wide table or chart. */
export const landscape: DirectiveSpec<ContainerDirective> = {
  name: 'landscape',
  type: 'containerDirective',
  attributes: [],
  summary: ':::landscape … ::: sets a wide table or chart on a page of its own, turned sideways (the PDF page is turned to read upright on screen)',
  transform(node, file) {
    if (node.children.length === 0) warning(file, 'This `:::landscape` holds nothing: put the wide table or figure between `:::landscape` and `:::`.', 'directive-empty', node.position);
    node.data = { ...node.data, hName: 'div', hProperties: { className: ['landscape'] } };
  },
};
