import type { Element, Root } from 'hast';
import { h } from 'hastscript';

/**
 * The document as the browser should open it for Paged.js: with its content not displayed. Chromium would
 * otherwise lay the whole report out once as one long page on loading it (0.6 s at 160 pages), only for Paged.js
 * to take the content away and lay it out in pages. Paged.js moves the content out of `<body>` before it starts,
 * so the rule no longer matches it, and its pages are the one child of `<body>` left displayed.
 * @param document the assembled document (not changed)
 */
export function hideSource(document: Root): Root {
  const style = h('style', 'body > :not(.pagedjs_pages) { display: none }');
  const withStyle = (node: Element): Element =>
    node.tagName === 'html'
      ? { ...node, children: node.children.map((child) => (child.type === 'element' ? withStyle(child) : child)) }
      : node.tagName === 'head'
        ? { ...node, children: [...node.children, style] }
        : node;
  return { ...document, children: document.children.map((node) => (node.type === 'element' ? withStyle(node) : node)) };
}
