import type { LeafDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';

/** `::pagebreak`: what follows starts on a new page. */
export const pageBreak: DirectiveSpec<LeafDirective> = {
  name: 'pagebreak',
  type: 'leafDirective',
  attributes: [],
  summary: '::pagebreak on a line of its own: what follows starts on a new page',
  transform(node) {
    node.data = { ...node.data, hName: 'div', hProperties: { className: ['page-break'], ariaHidden: 'true' }, hChildren: [] };
  },
};
