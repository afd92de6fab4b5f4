import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { error } from '../../messages/emit.js';

/** `:::author[Name]{role="…" photo="…"}` biography `:::`: one entry of "about the authors". */
export const author: DirectiveSpec<ContainerDirective> = {
  name: 'author',
  type: 'containerDirective',
  attributes: ['role', 'photo'],
  summary: ':::author[Name]{role="Senior Fellow" photo="images/x.jpg"} biography ::: one entry of "about the authors"; the photo is optional',
  transform(node, file) {
    const label = takeLabel(node);
    const name = label ? toString(label).trim() : '';
    if (!name) error(file, 'This author has no name: write it in brackets, `:::author[Dr. Jane Doe]{role="…"}`.', 'author-name', node.position);
    const { role, photo } = node.attributes ?? {};
    const head = [
      { type: 'paragraph' as const, children: [{ type: 'text' as const, value: name }], data: { hName: 'p', hProperties: { className: ['author-bio-name'] } } },
      ...(role ? [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: role }], data: { hName: 'p', hProperties: { className: ['author-bio-role'] } } }] : []),
    ];
    // Without a photo the text takes the whole width: no placeholder circle of initials.
    const portrait = photo ? [{ type: 'image' as const, url: photo, alt: `Portrait of ${name}`, data: { hProperties: { className: ['author-bio-photo'] } }, ...(node.position ? { position: node.position } : {}) }] : [];
    // A blockquote is mdast's plain container of blocks: with hName div it wraps the biography, which remark-rehype still converts.
    node.children = [
      ...(portrait.length > 0 ? [{ type: 'paragraph' as const, children: portrait, data: { hName: 'div', hProperties: { className: ['author-bio-portrait'] } } }] : []),
      { type: 'blockquote', children: [...head, ...node.children], data: { hName: 'div', hProperties: { className: ['author-bio-text'] } } },
    ];
    node.data = { ...node.data, hName: 'section', hProperties: { className: photo ? ['author-bio', 'has-photo'] : ['author-bio'] } };
  },
};
