import type { ContainerDirective } from 'mdast-util-directive';
import type { DirectiveSpec } from './directive-spec.js';
import { warning } from '../../messages/emit.js';

// A language tag as authors write them: `ur`, `fa-AF`, `ps`, `pa-Arab`.
const languageTag = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** `:::passage{lang=ur}`: blocks in another language; Folio sets their direction, font and hyphenation from it. */
export const passage: DirectiveSpec<ContainerDirective> = {
  name: 'passage',
  type: 'containerDirective',
  attributes: ['lang'],
  summary: ':::passage{lang=ur} … ::: paragraphs, a quotation, a list or a table in another language (ur, fa, ps, ar, …)',
  transform(node, file) {
    const lang = node.attributes?.['lang'] ?? '';
    if (!languageTag.test(lang)) {
      warning(file, `\`:::passage\` needs the passage's language as a tag, such as \`{lang=ur}\` (Urdu), \`fa\` (Persian, Dari), \`ps\` (Pashto) or \`ar\` (Arabic).`, 'directive-attribute', node.position);
    }
    node.data = { ...node.data, hName: 'div', hProperties: { className: ['passage'], ...(languageTag.test(lang) ? { lang } : {}) } };
  },
};
