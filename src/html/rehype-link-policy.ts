import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';

const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);

/**
 * Let links lead only to the web, to e-mail or within the report. Any other link would become a PDF link action
 * that runs script (`javascript:`), opens embedded data (`data:`), or reaches into the reader's or the build
 * machine's files (`file:`, a path relative to the manuscript): it is an error at its position, and its text is
 * kept without the link.
 */
export default function rehypeLinkPolicy() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || href === undefined || href === null) return undefined;
      const target = String(href);
      if (isAllowedLink(target)) return undefined;
      error(file, `The link to "${shorten(target)}" cannot be followed from a PDF: link to a web address (https://…), an e-mail address (mailto:…) or a heading of the report (#its-id). To point at a file, put it on the web or in an annex.`, 'link-target', node.position);
      if (parent && index !== undefined) parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    });
  };
}

/**
 * Whether a link may stay a link in the PDF: http(s), mailto, or an anchor in the report.
 * @param href the link's target as written
 */
export function isAllowedLink(href: string): boolean {
  if (/^#[^\s]+$/u.test(href)) return true;
  try {
    return allowedSchemes.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

function shorten(text: string): string {
  const printable = text.replace(/[\p{C}]/gu, '�');
  return printable.length > 80 ? `${printable.slice(0, 77)}…` : printable;
}
