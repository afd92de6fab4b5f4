import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/** Where the preview server serves local files from: `/__files/<absolute path>`. */
export const filesPrefix = '/__files';

/**
 * The preview's version of the document: local `file:` URLs become URLs on the preview server, and instead of
 * forbidding every script the page allows only the preview's own (Paged.js, Folio's handlers, the live-reload
 * client), served from the same origin. The document given is not changed.
 * @param document the assembled document
 */
export function previewDocument(document: Root): Root {
  const copy = structuredClone(document);
  const served = (url: string) => (url.startsWith('file:') ? `${filesPrefix}${encodeURI(fileURLToPath(url))}` : url);
  visit(copy, 'element', (node: Element) => {
    if (typeof node.properties.src === 'string') node.properties.src = served(node.properties.src);
    if (typeof node.properties.href === 'string') node.properties.href = served(node.properties.href);
    if (node.tagName === 'meta' && node.properties.httpEquiv?.toString().toLowerCase() === 'content-security-policy') {
      node.properties.content = "default-src 'self' data:; script-src 'self'; style-src 'self' 'unsafe-inline' data:; img-src 'self' data:; font-src 'self' data:";
    }
    if (node.tagName === 'style') {
      for (const child of node.children) {
        if (child.type === 'text') child.value = child.value.replace(/url\("?(file:[^")]+)"?\)/g, (_, url: string) => `url("${served(url)}")`);
      }
    }
    if (node.tagName === 'head') {
      node.children.push(h('script', { src: '/__folio/paged.js' }), h('script', { src: '/__folio/client.js' }));
    }
  });
  return copy;
}
