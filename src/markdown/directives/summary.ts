import type { Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { warning } from '../../messages/emit.js';

/**
 * `:::summary[Executive Summary]` … `:::`: the executive summary, set apart on a tinted page-wide panel. Right under
 * a heading (`# Executive Summary {-}`, which gives it a page, a running head and a contents entry) the panel prints
 * no label of its own unless its label says something else: the heading already names it.
 */
export const summary: DirectiveSpec<ContainerDirective> = {
  name: 'summary',
  type: 'containerDirective',
  attributes: [],
  summary: ':::summary[Executive Summary] … ::: the executive summary, set apart; the title defaults to "Executive Summary", and under a heading that says it the panel has none',
  transform(node, file, before) {
    const label = takeLabel(node);
    if (node.children.length === 0) warning(file, 'This executive summary is empty: write it between `:::summary` and `:::`.', 'directive-empty', node.position);
    node.data = { ...node.data, hName: 'section', hProperties: { className: ['executive-summary'] } };
    if (before?.type === 'heading' && (!label || sameWords(toString(label), toString(before)))) return;
    const title: Paragraph = label ?? { type: 'paragraph', children: [{ type: 'text', value: 'Executive Summary' }] };
    title.data = { ...title.data, hName: 'p', hProperties: { className: ['summary-title'] } };
    node.children.unshift(title);
  },
};

// "Executive Summary" and "EXECUTIVE SUMMARY {-}" say the same; a heading's `{#id -}` is not part of its words.
function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.replace(/\{[^}]*\}\s*$/, '').trim().replace(/\s+/g, ' ').toLowerCase();
  return words(a) === words(b);
}
