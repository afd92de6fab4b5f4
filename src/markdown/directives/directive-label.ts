import type { Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';

/**
 * Take the `[label]` of a container directive out of its children.
 * @param node a container directive
 * @returns the label's paragraph (its text via `toString`), or undefined when the directive has none
 */
export function takeLabel(node: ContainerDirective): Paragraph | undefined {
  const first = node.children[0];
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    node.children.shift();
    return toString(first).trim() ? first : undefined;
  }
  return undefined;
}
