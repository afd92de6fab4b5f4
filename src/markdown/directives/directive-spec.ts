import type { RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';

/** A directive Folio understands: its name, form, attributes, and how it becomes HTML. */
export interface DirectiveSpec<Node extends ContainerDirective | LeafDirective = ContainerDirective | LeafDirective> {
  readonly name: string;
  readonly type: Node['type'];
  /** Attributes it accepts; any other is reported. */
  readonly attributes: readonly string[];
  /** One line for the docs and for "unknown directive" messages. */
  readonly summary: string;
  /**
   * Turn the directive into HTML by setting `data.hName`, `hProperties` or `hChildren`; report problems on `file`.
   * `before` is the node just before it in its parent, if any (a summary reads the heading it stands under).
   */
  transform(node: Node, file: VFile, before: RootContent | undefined): void;
}
