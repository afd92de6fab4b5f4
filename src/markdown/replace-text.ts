import type { Nodes, Parents, PhrasingContent, Text } from 'mdast';
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
