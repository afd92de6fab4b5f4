import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/**
 * Make every image that stands alone in its paragraph a figure: `![alt](src "Caption")` becomes
 * `<figure class="figure"><img alt="alt"><figcaption>Caption</figcaption></figure>`. Numbers are added
 * when the whole document is assembled, so they run across chapters.
 */
export default function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const elements = node.children.filter((child) => child.type === 'element');
      const onlyImage = elements.length === 1 && elements[0]?.tagName === 'img';
      const noText = node.children.every((child) => child.type !== 'text' || child.value.trim() === '');
      if (!onlyImage || !noText) return;
      const img = elements[0] as Element;
      const caption = typeof img.properties.title === 'string' ? img.properties.title : undefined;
      delete img.properties.title;
      const figure = h('figure', { className: ['figure'] }, [img, caption ? h('figcaption', caption) : undefined]);
      figure.position = node.position;
      parent.children[index] = figure;
    });
  };
}
