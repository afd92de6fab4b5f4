import type { Image } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { h } from 'hastscript';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { error, warning } from '../../messages/emit.js';

/** `:::gallery` with one `![alt](photo.jpg "Caption")` per line: a grid of captioned photos. */
export const gallery: DirectiveSpec<ContainerDirective> = {
  name: 'gallery',
  type: 'containerDirective',
  attributes: [],
  summary: ':::gallery … ::: photos, one ![description](images/x.jpg "Caption") per line, set in a grid',
  transform(node, file) {
    takeLabel(node);
    const images: Image[] = [];
    visit(node, 'image', (image) => {
      images.push(image);
    });
    if (images.length === 0) error(file, 'This gallery has no photos: add lines like `![Description](images/photo.jpg "Caption")`.', 'directive-content', node.position);
    node.data = {
      ...node.data,
      hName: 'div',
      hProperties: { className: ['gallery'] },
      hChildren: images.map((image) => {
        if (!image.title) warning(file, `Photo ${image.url} has no caption: add it in quotes after the path, ![…](${image.url} "Caption").`, 'gallery-caption', image.position);
        const img = h('img', { src: image.url, alt: image.alt ?? '' });
        img.position = image.position;
        return h('figure', { className: ['gallery-item'] }, [img, image.title ? h('figcaption', image.title) : undefined]);
      }),
    };
  },
};
