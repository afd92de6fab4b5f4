import type { Point } from 'unist';
import type { Node } from 'mdast';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';

/**
 * Where a directive's attribute is written (`:::pullquote{author=…}` → the `a` of `author`), for a message about
 * it: mdast keeps attributes without positions, so this reads the directive's first line. Falls back to the
 * directive's start when the attribute is not found there (`.class` and `#id` shorthands, attributes over lines).
 * @param file the chapter
 * @param node the directive
 * @param attribute the attribute's name
 */
export function attributePlace(file: VFile, node: Node, attribute: string): Point | undefined {
  const start = node.position?.start;
  if (start?.offset === undefined) return start;
  const source = String(file.value);
  const lineEnd = source.indexOf('\n', start.offset);
  const line = source.slice(start.offset, lineEnd === -1 ? undefined : lineEnd);
  const braces = line.lastIndexOf('{');
  if (braces === -1) return start;
  const name = attribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`(?<=[{\\s])${name}(?=\\s*=|[\\s}])`).exec(line.slice(braces));
  return found ? (location(file).toPoint(start.offset + braces + found.index) ?? start) : start;
}
