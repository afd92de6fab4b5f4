import type { Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { warning } from '../../messages/emit.js';

/** `:::summary[Executive Summary]` … `:::`: the executive summary, set apart on a tinted page-wide panel. */
export const summary: DirectiveSpec<ContainerDirective> = {
  name: 'summary',
  type: 'containerDirective',
  attributes: [],
  summary: ':::summary[Executive Summary] … ::: the executive summary, set apart; the title defaults to "Executive Summary"',
  transform(node, file) {
    const title: Paragraph = takeLabel(node) ?? { type: 'paragraph', children: [{ type: 'text', value: 'Executive Summary' }] };
    if (node.children.length === 0) warning(file, 'This executive summary is empty: write it between `:::summary` and `:::`.', 'directive-empty', node.position);
    title.data = { ...title.data, hName: 'p', hProperties: { className: ['summary-title'] } };
    node.children.unshift(title);
    node.data = { ...node.data, hName: 'section', hProperties: { className: ['executive-summary'] } };
  },
};
