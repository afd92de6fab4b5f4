import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Name each task list's checkbox by its item's text (`- [x] Collect samples`): a form control needs a name for
 * assistive technology (WCAG 4.1.2; axe-core's `label`), and the item's own words are the one it has.
 */
export default function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li') return;
      const holder = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p') ?? node;
      const box = holder.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input' && child.properties['type'] === 'checkbox');
      if (!box) return;
      const words = holder.children.filter((child) => child !== box && !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')));
      const label = words.map((child) => toString(child)).join('').replace(/\s+/gu, ' ').replace(/\u00AD/gu, '').trim();
      if (label) box.properties['ariaLabel'] = label;
    });
  };
}
