import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from 'unist';

/**
 * Where a value (or, with `key: true`, the key naming it) stands in a YAML document.
 * @param doc parsed document
 * @param lineCounter the counter the document was parsed with
 * @param path keys from the root to the value
 * @param key point at the key instead of its value
 */
export function yamlPosition(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  key = false,
): Position | undefined {
  let range: readonly number[] | null | undefined;
  const parentPath = path.slice(0, -1);
  const last = path.at(-1);
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
    const node = (key ? pair?.key : pair?.value) as Node | undefined;
    range = node?.range ?? (pair?.key as Node | undefined)?.range;
  } else if (isSeq(parent) && typeof last === 'number') {
    range = (parent.items[last] as Node | undefined)?.range;
  }
  range ??= (parent as Node | null | undefined)?.range ?? doc.contents?.range;
  if (!range || range[0] === undefined || range[1] === undefined) return undefined;
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(range[1]);
  return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
}
