import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Target } from './number-apparatus.js';

const titles = { figures: 'Figures', tables: 'Tables' } as const;

/**
 * The lists of figures and of tables that follow the contents: number, caption, a dot leader and the page,
 * filled after layout like the contents' pages.
 * @param targets the numbered figures and tables, in order
 * @param lists which lists report.yaml asks for
 */
export function listsOfCaptions(targets: readonly Target[], lists: readonly ('figures' | 'tables')[]): Element[] {
  return lists.flatMap((list) => {
    const items = targets.filter((target) => target.kind === (list === 'figures' ? 'figure' : 'table'));
    if (items.length === 0) return [];
    return [
      h('h2.list-title', titles[list]),
      h(
        'ol.toc.caption-list',
        items.map((item) =>
          h('li.toc-entry.toc-level-2', [
            h('a.toc-link', { href: `#${item.id}` }, [
              h('span.toc-text', [h('span.list-number', item.number), ' ', ...structuredClone(item.title)]),
              h('span.toc-leader', { ariaHidden: 'true' }),
              h('span.toc-page', { dataTarget: item.id }),
            ]),
          ]),
        ),
      ),
    ];
  });
}
