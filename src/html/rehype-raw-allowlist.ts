import type { Element, Root } from 'hast';
import { find, html } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warning } from '../messages/emit.js';
import { markdownMarker } from './rehype-mark-markdown.js';

/** Harmless elements raw HTML may use, with the attributes each may keep (`*`: all of them). */
const allowed: Record<string, readonly string[]> = {
  // No `title`: it is never printed, so text kept only there would be lost without a word.
  '*': ['lang', 'dir'],
  abbr: [], b: [], bdi: [], bdo: [], blockquote: [], br: [], caption: [], cite: [], code: [], dd: [], del: [],
  dfn: [], div: [], dl: [], dt: [], em: [], hr: [], i: [], ins: [], kbd: [], li: [], mark: [], ol: ['start'], p: [],
  pre: [], q: [], s: [], samp: [], small: [], span: [], strong: [], sub: [], sup: [], table: [], tbody: [],
  td: ['colSpan', 'rowSpan'], tfoot: [], th: ['colSpan', 'rowSpan', 'scope'], thead: [], time: ['dateTime'], tr: [],
  u: [], ul: [], var: [], wbr: [],
};

/** Elements removed with everything inside them: their content is code, media or a page of its own. */
const dropWhole = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'noscript', 'template', 'svg', 'math', 'video', 'audio', 'source', 'track', 'img', 'picture', 'canvas', 'form', 'input', 'button', 'select', 'textarea', 'head', 'title']);

/**
 * Keep raw HTML only from an allow-list of harmless elements and attributes. Everything else (scripts, event
 * handlers, iframes, stylesheets, images and other remote sources) is removed with a warning at its position.
 * Elements made from Markdown (marked by rehype-mark-markdown before rehype-raw) are left alone.
 */
export default function rehypeRawAllowlist() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'comment', (_, index, parent) => {
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return [SKIP, index];
    });
    visit(tree, 'element', (node, index, parent) => {
      // Trust comes from where an element was made (Markdown), never from anything raw HTML can type.
      const fromMarkdown = node.properties[markdownMarker] !== undefined;
      delete node.properties[markdownMarker];
      if (fromMarkdown) return undefined;
      const attributes = [...(allowed['*'] ?? []), ...(allowed[node.tagName] ?? [])];
      if (!(node.tagName in allowed) && parent && index !== undefined) {
        const whole = dropWhole.has(node.tagName);
        const what = whole ? 'it and its content were' : 'its text is kept, the element';
        warning(file, `Raw HTML <${node.tagName}> is not allowed in a manuscript; ${what} removed. ${hint(node)}`, 'raw-html', node.position);
        parent.children.splice(index, 1, ...(whole ? [] : node.children));
        return [SKIP, index];
      }
      for (const property of Object.keys(node.properties)) {
        if (property === 'start' && !isListStart(node.properties.start)) {
          warning(file, `Raw HTML <ol start> must be a whole number of at most nine digits, as in Markdown (the browser cannot count further); it was removed, so the list starts at 1.`, 'raw-html', node.position);
          delete node.properties.start;
          continue;
        }
        if (attributes.includes(property)) continue;
        warning(file, `Raw HTML attribute \`${attributeName(property)}\` on <${node.tagName}> is not allowed and was removed.`, 'raw-html', node.position);
        delete node.properties[property];
      }
      return undefined;
    });
  };
}

/** A list may start where Markdown lets it (nine digits): the browser's counters end at about two thousand million. */
function isListStart(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= 999_999_999;
}

function hint(node: Element): string {
  if (node.tagName === 'img' || node.tagName === 'picture') return 'Write images in Markdown: ![description](images/photo.jpg "Caption").';
  if (node.tagName === 'script' || node.tagName === 'noscript') return 'A report cannot run scripts.';
  if (node.tagName === 'link' || node.tagName === 'style') return 'The look of the report comes from its theme (report.yaml `theme`).';
  return 'Write it in Markdown instead.';
}

/** The attribute as the author wrote it (`class`, not hast's `className`). */
function attributeName(property: string): string {
  return find(html, property).attribute;
}
