import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';
import { limits } from './limits.js';

/**
 * Cut a tree where it nests deeper than `limits.depth`, with an error at the first place, before any recursive
 * walker (there are many: to-hast, raw HTML, serialisers) runs out of stack on it. Walks with its own stack.
 * The build stops on the error, so nothing cut is ever printed.
 * @param tree a Markdown or HTML tree
 * @param file the chapter, for the message
 * @returns whether the tree was within the limit
 */
export function limitDepth(tree: Node, file: VFile): boolean {
  const stack: Array<[Node, number]> = [[tree, 0]];
  let within = true;
  // The HTML tree of a chapter whose Markdown tree was already cut is cut again, without a second message.
  let reported = file.messages.some((message) => message.ruleId === 'too-large');
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    const children = (node as Partial<Parent>).children;
    if (!children) continue;
    if (depth >= limits.depth) {
      if (!reported) error(file, `Elements are nested more than ${limits.depth} deep here (emphasis, links, lists or HTML inside one another): no report needs that many levels. Nest them less deeply.`, 'too-large', node.position);
      (node as Parent).children = [];
      within = false;
      reported = true;
      continue;
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
  return within;
}
