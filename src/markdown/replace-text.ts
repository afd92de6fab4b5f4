import type { Nodes, Parents, PhrasingContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { SKIP } from 'unist-util-visit-parents';

/**
 * Replace a text node by the nodes made from it (empty text left out), for a visitor to return: the walk goes
 * on after the new nodes, so nothing made or left as typed is visited twice.
 * @param parent the text node's parent
 * @param node the text node
 * @param pieces what stands in its place
 */
export function replaceText(parent: Parents, node: Text, pieces: readonly PhrasingContent[]): [typeof SKIP, number] {
  const siblings = parent.children as Nodes[];
  const index = siblings.indexOf(node);
  const nodes = pieces.filter((piece) => piece.type !== 'text' || piece.value !== '');
  siblings.splice(index, 1, ...nodes);
  return [SKIP, index + nodes.length];
}

/**
 * A text node.
 * @param value its text
 */
export function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * A piece of a text node, keeping its place in the source, so that later plugins can still report at it.
 * @param node the text node
 * @param start where the piece starts in its value
 * @param end where it ends (default: the end of the value)
 */
export function sliceText(node: Text, start: number, end = node.value.length): Text {
  const position = span(node, start, end - start);
  return { type: 'text', value: node.value.slice(start, end), ...(position ? { position } : {}) };
}

/**
 * Where `length` characters from `offset` in a text node stand in the source; a line break inside the node
 * starts a new line (its column counted from 1).
 * @param node the text node
 * @param offset where the span starts in its value
 * @param length how many characters it takes
 */
export function span(node: Text, offset: number, length: number): Position | undefined {
  const start = pointAt(node, offset);
  const end = pointAt(node, offset + length);
  return start && end ? { start, end } : undefined;
}

function pointAt(node: Text, offset: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const lines = node.value.slice(0, offset).split('\n');
  const last = lines.at(-1)?.length ?? 0;
  return { line: start.line + lines.length - 1, column: (lines.length === 1 ? start.column : 1) + last };
}
