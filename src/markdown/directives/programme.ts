import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { error } from '../../messages/emit.js';

/**
 * `:::programme[Day I – 16 January 2024]`: an event schedule, written as a table.
 * Rows whose only filled cell is the first span the whole table (session headings); see rehype-programme.
 */
export const programme: DirectiveSpec<ContainerDirective> = {
  name: 'programme',
  type: 'containerDirective',
  attributes: [],
  summary: ':::programme[Day title] … ::: a schedule table; a row with only its first cell filled spans the table',
  transform(node, file) {
    const label = takeLabel(node);
    if (label) {
      label.data = { ...label.data, hName: 'p', hProperties: { className: ['programme-title'] } };
      node.children.unshift(label);
    }
    if (!node.children.some((child) => child.type === 'table')) {
      error(file, 'A programme needs a table: write a row per item, `| 0930-1000 hrs | Registration |`, under a header row.', 'directive-content', node.position);
    }
    node.data = { ...node.data, hName: 'section', hProperties: { className: ['programme'] } };
  },
};
