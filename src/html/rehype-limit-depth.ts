import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { limitDepth } from '../markdown/limit-depth.js';

/** Hold the HTML tree to the nesting limit once raw HTML has been parsed into it (`<span>` in `<span>` …). */
export default function rehypeLimitDepth() {
  return (tree: Root, file: VFile) => void limitDepth(tree, file);
}
