import type { Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { DirectiveSpec } from './directives/directive-spec.js';
import { directives as builtIn } from './directives/index.js';
import { error, warning } from '../messages/emit.js';

/** Options for {@link remarkFolioDirectives}. */
export interface Options {
  /** Directives to understand (default: Folio's own). */
  readonly directives?: readonly DirectiveSpec[];
}

/**
 * Turn Folio's directives (`:::speakers`, `::speaker`, `:::takeaways`, `:::programme`, `:::gallery`) into HTML,
 * report unknown ones and unknown attributes at their position, and give stray `:word` text back as text.
 * @param options which directives exist
 */
export default function remarkFolioDirectives(options?: Options) {
  const specs = options?.directives ?? builtIn;
  const byKey = new Map(specs.map((spec) => [`${spec.type}:${spec.name}`, spec]));
  const known = (type: string) => specs.filter((spec) => spec.type === type).map((spec) => spec.name);

  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective') {
        // `:word` inside a sentence (a time, a ratio) is text to the author, not a directive.
        const text: Text = { type: 'text', value: `:${node.name}${node.children.length > 0 ? `[${toString(node)}]` : ''}` };
        if (node.position) text.position = node.position;
        if (parent && index !== undefined) parent.children.splice(index, 1, text);
        return SKIP;
      }
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
      const spec = byKey.get(`${node.type}:${node.name}`);
      const marker = node.type === 'containerDirective' ? ':::' : '::';
      if (!spec) {
        const other = specs.find((s) => s.name === node.name);
        const hint = other
          ? `\`${node.name}\` is written with ${other.type === 'containerDirective' ? '`:::` and closed by `:::`' : '`::` on one line'}.`
          : `Known ${marker} directives: ${known(node.type).map((name) => marker + name).join(', ')}.`;
        error(file, `Unknown directive \`${marker}${node.name}\`. ${hint}`, 'directive-unknown', node.position);
        return;
      }
      for (const attribute of Object.keys(node.attributes ?? {})) {
        if (!spec.attributes.includes(attribute)) {
          const allowed = spec.attributes.length > 0 ? `It takes: ${spec.attributes.join(', ')}.` : 'It takes no attributes.';
          warning(file, `\`${marker}${spec.name}\` has no attribute \`${attribute}\`; it is ignored. ${allowed}`, 'directive-attribute', node.position);
        }
      }
      spec.transform(node as ContainerDirective & LeafDirective, file);
    });
  };
}
