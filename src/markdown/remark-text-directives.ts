import type { Parents, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Give `:word` back as the text it was typed as, joined to the text around it: Folio has no text directives, and
 * `10:30`, `ratio 3:1` or a reference mistyped `@page:fig-x` are text to the author. Runs first, so that citations
 * and cross-references read the sentence whole.
 */
export default function remarkTextDirectives() {
  return (tree: Root) => {
    visit(tree, 'textDirective', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const text: Text = { type: 'text', value: `:${node.name}${node.children.length > 0 ? `[${toString(node)}]` : ''}` };
      if (node.position) text.position = node.position;
      parent.children.splice(index, 1, text);
      return [SKIP, join(parent, index)];
    });
  };
}

// Join a text node to the text nodes beside it; returns where the joined node stands.
function join(parent: Parents, index: number): number {
  let at = index;
  if (merge(parent, at - 1)) at -= 1;
  merge(parent, at);
  return at;
}

// Append the node after `index` to the one at it when both are text.
function merge(parent: Parents, index: number): boolean {
  const first = parent.children[index];
  const second = parent.children[index + 1];
  if (first?.type !== 'text' || second?.type !== 'text') return false;
  first.value += second.value;
  if (first.position && second.position) first.position = { start: first.position.start, end: second.position.end };
  else delete first.position;
  parent.children.splice(index + 1, 1);
  return true;
}
