import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { warning } from '../../messages/emit.js';

/** `:::bibliography` `:::`: where the bibliography of the works cited is printed, once every chapter is compiled. */
export const bibliography: DirectiveSpec<ContainerDirective> = {
  name: 'bibliography',
  type: 'containerDirective',
  attributes: [],
  summary: ':::bibliography ::: where the bibliography of the works cited is printed (after `# References`)',
  transform(node, file) {
    if (node.children.length > 0) warning(file, 'Folio fills `:::bibliography` with the works cited: what is written inside it is not printed. Put it before the `:::bibliography` line.', 'directive-content', node.position);
    node.children = [];
    node.data = { ...node.data, hName: 'div', hProperties: { className: ['bibliography'], dataBibliography: '' } };
  },
};
