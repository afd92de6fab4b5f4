import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { warning } from '../../messages/emit.js';

/** `:::callout[Title]` … `:::`: a tinted box set apart from the text, with an optional title. */
export const callout: DirectiveSpec<ContainerDirective> = {
  name: 'callout',
  type: 'containerDirective',
  attributes: [],
  summary: ':::callout[Title] … ::: a tinted box for a definition, a case or a note beside the argument',
  transform(node, file) {
    const label = takeLabel(node);
    if (node.children.length === 0) warning(file, 'This call-out box is empty: write its text between `:::callout` and `:::`.', 'directive-empty', node.position);
    if (label) {
      label.data = { ...label.data, hName: 'p', hProperties: { className: ['callout-title'] } };
      node.children.unshift(label);
    }
    node.data = { ...node.data, hName: 'aside', hProperties: { className: ['callout'] } };
  },
};
