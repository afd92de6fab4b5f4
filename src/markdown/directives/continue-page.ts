import type { LeafDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';

/** `::continue` in a chapter: the chapter runs on after the one before instead of starting a new page. */
export const continuePage: DirectiveSpec<LeafDirective> = {
  name: 'continue',
  type: 'leafDirective',
  attributes: [],
  summary: '::continue anywhere in a chapter: it follows the chapter before on the same page, not on a new one',
  transform(node) {
    // The chapter's <section> is made when the document is assembled; it looks for this mark.
    node.data = { ...node.data, hName: 'div', hProperties: { className: ['continue-mark'], hidden: true }, hChildren: [] };
  },
};
