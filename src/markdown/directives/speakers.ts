import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { DirectiveSpec } from './directive-spec.js';
import { error, warning } from '../../messages/emit.js';

/** `::speaker[Name]{photo=… designation=… label=…}`: one portrait with name and designation. */
export const speaker: DirectiveSpec<LeafDirective> = {
  name: 'speaker',
  type: 'leafDirective',
  attributes: ['photo', 'designation', 'label'],
  summary: '::speaker[Name]{photo="images/x.jpg" designation="Job, organisation" label="Moderator"} one person, inside :::speakers',
  transform(node, file) {
    const name = toString(node).trim();
    if (!name) error(file, 'This speaker has no name: write it in brackets, `::speaker[Dr. Jane Doe]{…}`.', 'speaker-name', node.position);
    const { photo, designation, label } = node.attributes ?? {};
    if (!photo) warning(file, `No photo for ${name || 'this speaker'}: add photo="images/…jpg" (a placeholder shows initials until then).`, 'speaker-photo', node.position);
    const portrait: Element = photo
      ? h('img', { src: photo, alt: `Portrait of ${name}`, className: ['speaker-photo'] })
      : h('span', { className: ['speaker-photo', 'speaker-initials'], ariaHidden: 'true' }, initials(name));
    if (photo) portrait.position = node.position;
    node.data = {
      ...node.data,
      hName: 'figure',
      hProperties: { className: label ? ['speaker', 'speaker-lead'] : ['speaker'] },
      hChildren: [
        portrait,
        h('figcaption', [
          label ? h('span', { className: ['speaker-label'] }, label) : undefined,
          h('span', { className: ['speaker-name'] }, name),
          designation ? h('span', { className: ['speaker-designation'] }, designation) : undefined,
        ]),
      ],
    };
  },
};

/** `:::speakers` … `:::`: a grid of `::speaker` lines, the speaker panel of a session. */
export const speakers: DirectiveSpec<ContainerDirective> = {
  name: 'speakers',
  type: 'containerDirective',
  attributes: [],
  summary: ':::speakers … ::: a panel of ::speaker lines (portraits with name and designation)',
  transform(node, file) {
    for (const child of node.children) {
      if (child.type !== 'leafDirective' || child.name !== 'speaker') {
        warning(file, 'Only `::speaker[Name]{…}` lines belong inside `:::speakers`; move this text out of the panel.', 'directive-content', child.position);
      }
    }
    node.data = { ...node.data, hName: 'div', hProperties: { className: ['speakers'] } };
  },
};

function initials(name: string): string {
  const words = name.replace(/\([^)]*\)/g, '').split(/\s+/).filter((w) => /^[A-Z]/.test(w) && !/\.$/.test(w));
  return words.slice(0, 1).concat(words.slice(-1)).map((w) => w[0]).join('');
}
