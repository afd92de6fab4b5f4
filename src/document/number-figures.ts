import type { Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/**
 * Number the figures of the whole report in order ("Figure 1", "Figure 2", …) inside their captions.
 * @param tree the assembled document
 */
export function numberFigures(tree: Root): void {
  let count = 0;
  visit(tree, 'element', (node) => {
    const classes = node.properties.className;
    if (node.tagName !== 'figure' || !Array.isArray(classes) || !classes.includes('figure')) return;
    count += 1;
    const label = h('span.figure-number', `Figure ${count}`);
    const caption = node.children.find((child) => child.type === 'element' && child.tagName === 'figcaption');
    if (caption?.type === 'element') caption.children.unshift(label, { type: 'text', value: ' ' });
    else node.children.push(h('figcaption', [label]));
  });
}
