import type { Element } from 'hast';
import { h } from 'hastscript';
import type { HeadingEntry } from './collect-headings.js';

/**
 * The contents page: one line per heading with a dot leader and an empty page-number slot, which the renderer
 * fills from where each heading really lands after pagination.
 * @param title the page title
 * @param entries headings in document order
 */
export function contentsPage(title: string, entries: readonly HeadingEntry[]): Element {
  const root = h('ol.toc');
  const stack: { level: number; list: Element }[] = [{ level: 0, list: root }];
  for (const entry of entries) {
    while (stack.length > 1 && (stack.at(-1)?.level ?? 0) >= entry.level) stack.pop();
    const item = h(`li.toc-entry.toc-level-${entry.level}`, [
      h('a.toc-link', { href: `#${entry.id}` }, [
        h('span.toc-text', { lang: entry.lang, dir: entry.dir }, entry.text),
        h('span.toc-leader', { ariaHidden: 'true' }),
        h('span.toc-page', { dataTarget: entry.id }),
      ]),
    ]);
    stack.at(-1)?.list.children.push(item);
    const sublist = h('ol.toc-sublist');
    item.children.push(sublist);
    stack.push({ level: entry.level, list: sublist });
  }
  pruneEmptyLists(root);
  return h('nav.contents', { ariaLabelledby: 'contents-title' }, [h('h1.contents-title', { id: 'contents-title' }, title), root]);
}

function pruneEmptyLists(list: Element): void {
  for (const item of list.children) {
    if (item.type !== 'element') continue;
    item.children = item.children.filter((child) => child.type !== 'element' || child.tagName !== 'ol' || child.children.length > 0);
    for (const child of item.children) if (child.type === 'element' && child.tagName === 'ol') pruneEmptyLists(child);
  }
}
