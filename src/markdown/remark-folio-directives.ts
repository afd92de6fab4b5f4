import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { distance } from 'fastest-levenshtein';
import type { VFile } from 'vfile';
import type { DirectiveSpec } from './directives/directive-spec.js';
import { attributePlace } from './directives/attribute-place.js';
import { directives as builtIn } from './directives/index.js';
import remarkTextDirectives from './remark-text-directives.js';
import { error, warning } from '../messages/emit.js';
import { nearestName } from '../messages/nearest-name.js';

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

  const textDirectives = remarkTextDirectives();
  return (tree: Root, file: VFile) => {
    // Folio's chapters have had this done first; a pipeline of one's own may not.
    textDirectives(tree);
    visit(tree, (node, index, parent) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
      const spec = byKey.get(`${node.type}:${node.name}`);
      const marker = node.type === 'containerDirective' ? ':::' : '::';
      if (!spec) {
        const other = specs.find((s) => s.name === node.name);
        const hint = other
          ? `\`${node.name}\` is written with ${other.type === 'containerDirective' ? '`:::` and closed by `:::`' : '`::` on one line'}.`
          : `${meant(node.name, specs)}Known ${marker} directives: ${known(node.type).map((name) => marker + name).join(', ')}.`;
        error(file, `Unknown directive \`${marker}${node.name}\`. ${hint}`, 'directive-unknown', node.position);
        return;
      }
      for (const attribute of Object.keys(node.attributes ?? {})) {
        if (!spec.attributes.includes(attribute)) {
          const allowed = spec.attributes.length > 0 ? `It takes: ${spec.attributes.join(', ')}.` : 'It takes no attributes.';
          const nearest = nearestName(attribute, spec.attributes, (name) => name.toLowerCase());
          const guess = nearest ? ` Did you mean \`${nearest}\`?` : '';
          warning(file, `\`${marker}${spec.name}\` has no attribute \`${attribute}\`; it is ignored.${guess} ${allowed}`, 'directive-attribute', attributePlace(file, node, attribute) ?? node.position);
        }
      }
      spec.transform(node as ContainerDirective & LeafDirective, file, index === undefined ? undefined : parent?.children[index - 1]);
    });
  };
}

// "Did you mean `:::callout`?" for `:::call-out`, `:::Callout` or `:::calout`; nothing for a name unlike any.
function meant(name: string, specs: readonly DirectiveSpec[]): string {
  const typed = name.toLowerCase().replace(/[-_.]/g, '');
  const best = specs.map((spec) => ({ spec, steps: distance(typed, spec.name) })).sort((a, b) => a.steps - b.steps)[0];
  if (!best || best.steps > Math.max(1, Math.floor(typed.length / 4))) return '';
  return `Did you mean \`${best.spec.type === 'containerDirective' ? ':::' : '::'}${best.spec.name}\`? `;
}
