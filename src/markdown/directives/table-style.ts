import type { Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { warning } from '../../messages/emit.js';
import { directiveFlag } from './directive-flag.js';

type Align = Table['align'] extends (infer A)[] | null | undefined ? A : never;
const aligns: Readonly<Record<string, Align>> = { left: 'left', right: 'right', center: 'center', centre: 'center' };

/** `:::table{widths="3 1 1" align="left right right" size=small landscape}` around a table: its column widths, alignment, type size, and a page turned sideways. */
export const tableStyle: DirectiveSpec<ContainerDirective> = {
  name: 'table',
  type: 'containerDirective',
  attributes: ['widths', 'align', 'size', 'landscape'],
  summary: ':::table{widths="3 1 1" align="left right right" size=small} … ::: column widths (in proportion), alignment and smaller type for the table inside; {landscape} sets it on a page turned sideways',
  transform(node, file) {
    const table = node.children.find((child): child is Table => child.type === 'table');
    if (!table) warning(file, 'A `:::table` needs a table inside it: write the table between `:::table{…}` and `:::`.', 'directive-content', node.position);
    const { widths, align, size } = node.attributes ?? {};
    const columns = table?.children[0]?.children.length ?? 0;
    const parts = widths ? widths.trim().split(/[\s,]+/).map(Number) : [];
    const fixed = table !== undefined && parts.length === columns && parts.every((part) => part > 0);
    if (widths && !fixed) {
      warning(file, `widths="${widths}" should give ${columns} positive numbers, one per column, such as widths="${Array.from({ length: columns }, (_, i) => (i === 0 ? 3 : 1)).join(' ')}".`, 'directive-attribute', node.position);
    } else if (table && fixed) {
      const total = parts.reduce((sum, part) => sum + part, 0);
      // Widths set on the header cells with a fixed layout hold on every page the table runs over.
      table.children[0]?.children.forEach((cell, index) => {
        cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, style: `width: ${(((parts[index] ?? 0) / total) * 100).toFixed(2)}%` } };
      });
    }
    if (align && table) {
      const wanted = align.trim().split(/[\s,]+/).map((word) => aligns[word.toLowerCase()]);
      if (wanted.length !== columns || wanted.some((value) => value === undefined)) warning(file, `align="${align}" should name ${columns} alignments, one per column: left, right or center.`, 'directive-attribute', node.position);
      else table.align = wanted as Align[];
    }
    if (size && size !== 'small') warning(file, `size="${size}" is not a size Folio knows: write size=small, or leave it out.`, 'directive-attribute', node.position);
    const classes = ['table-set', ...(fixed ? ['table-fixed'] : []), ...(size === 'small' ? ['table-small'] : []), ...(directiveFlag(node.attributes?.['landscape']) ? ['landscape'] : [])];
    node.data = { ...node.data, hName: 'div', hProperties: { className: classes } };
  },
};
