import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';
import { limits } from './limits.js';

/** A node on the walk, with the way back to the root (so the message can name where the nesting began). */
interface Step {
  readonly node: Node;
  readonly depth: number;
  readonly parent: Step | undefined;
}

/**
 * Cut a tree where it nests deeper than `limits.depth`, with an error at the first place, before any recursive
 * walker (there are many: to-hast, raw HTML, serialisers) runs out of stack on it. Walks with its own stack.
 * The build stops on the error, so nothing cut is ever printed.
 * @param tree a Markdown or HTML tree
 * @param file the chapter, for the message
 * @returns whether the tree was within the limit
 */
export function limitDepth(tree: Node, file: VFile): boolean {
  const stack: Step[] = [{ node: tree, depth: 0, parent: undefined }];
  let within = true;
  // The HTML tree of a chapter whose Markdown tree was already cut is cut again, without a second message.
  let reported = file.messages.some((message) => message.ruleId === 'too-large');
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    const children = (step.node as Partial<Parent>).children;
    if (!children) continue;
    if (step.depth >= limits.depth) {
      if (!reported) report(step, file);
      (step.node as Parent).children = [];
      within = false;
      reported = true;
      continue;
    }
    for (const child of children) stack.push({ node: child, depth: step.depth + 1, parent: step });
  }
  return within;
}

/**
 * Say where the nesting began: mostly one kind of element inside itself (a raw `<div>` or `<b>` never closed,
 * emphasis marks), so name the outermost of that kind, where the author can close it.
 */
function report(step: Step, file: VFile): void {
  const chain: Node[] = [];
  for (let at: Step | undefined = step; at; at = at.parent) chain.push(at.node);
  const kinds = new Map<string, number>();
  for (const node of chain) kinds.set(kindOf(node), (kinds.get(kindOf(node)) ?? 0) + 1);
  const [kind, count] = [...kinds].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const outermost = chain.findLast((node) => kindOf(node) === kind && node.position);
  const limit = `Elements are nested more than ${limits.depth} deep here (emphasis, links, lists or HTML inside one another): no report needs that many levels.`;
  if (kind.startsWith('<') && count > limits.depth / 2 && outermost) {
    error(file, `${limit} This ${kind} holds ${count - 1} more ${kind} inside one another: is one left unclosed? Close each with ${kind.replace('<', '</')}, or nest them less deeply.`, 'too-large', outermost.position);
    return;
  }
  error(file, `${limit} Nest them less deeply.`, 'too-large', (outermost ?? step.node).position);
}

/** An HTML element by its tag (`<div>`), anything else by its type (`emphasis`). */
function kindOf(node: Node): string {
  const tagName = (node as { tagName?: unknown }).tagName;
  return typeof tagName === 'string' ? `<${tagName}>` : node.type;
}
