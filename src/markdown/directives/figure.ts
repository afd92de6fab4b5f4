import type { FootnoteReference, Image, Node, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { DirectiveSpec } from './directive-spec.js';
import { takeLabel } from './directive-label.js';
import { directiveFlag } from './directive-flag.js';
import { error, warning } from '../../messages/emit.js';
import { captionNoteMark } from '../remark-caption-notes.js';

/** Widths an author may name, as shares of the text width. */
const shares: Readonly<Record<string, number>> = { full: 100, 'three-quarters': 75, 'two-thirds': 66.7, half: 50, third: 33.3, quarter: 25 };

/**
 * `:::figure[Caption]{width=half}` with one to three images: one numbered figure, its images side by side;
 * `float` lets it move to the top of the next page (the text after it filling the page), `landscape` puts it on a
 * page of its own, turned sideways.
 */
export const figure: DirectiveSpec<ContainerDirective> = {
  name: 'figure',
  type: 'containerDirective',
  attributes: ['width', 'float', 'landscape', 'id'],
  summary: ':::figure[Caption]{width=half} one to three ![alt](images/x.jpg) side by side as one numbered figure; {float} may move it to the top of the next page, {landscape} turns its page, {#fig-x} labels it for @fig-x; width full, three-quarters, two-thirds, half, third, quarter or 10%–100%',
  transform(node, file) {
    const label = takeLabel(node);
    const images: Image[] = [];
    visit(node, 'image', (image) => {
      images.push(image);
    });
    if (images.length === 0) error(file, 'This figure has no image: add a line like `![Description](images/chart.png)` between `:::figure` and `:::`.', 'directive-content', node.position);
    if (images.length > 3) warning(file, `This figure sets ${images.length} images side by side, each too small to read: use three at most, or a :::gallery.`, 'directive-content', node.position);
    const share = widthShare(node.attributes?.['width']);
    if (share === undefined) warning(file, `Figure width \`${node.attributes?.['width'] ?? ''}\` is not one Folio knows: write full, three-quarters, two-thirds, half, third, quarter or a percentage such as 60%.`, 'directive-attribute', node.position);
    node.data = {
      ...node.data,
      hName: 'figure',
      hProperties: { className: ['figure', 'figure-set', ...(directiveFlag(node.attributes?.['float']) ? ['figure-float'] : []), ...(directiveFlag(node.attributes?.['landscape']) ? ['landscape'] : [])], style: `--figure-share: ${share ?? 100}%`, ...(node.attributes?.['id'] ? { dataLabel: node.attributes['id'] } : {}) },
    };
    // Note markers outside the caption's brackets: those remarkCaptionNotes made of an image title's `[^n]`.
    const markers: FootnoteReference[] = [];
    visit(node, 'footnoteReference', (marker) => void markers.push(marker));
    const caption = label ? label.children : images.length === 1 && images[0]?.title ? titleCaption(images[0].title, markers) : [];
    // Every marker prints, and so does its note, even one that stood somewhere a caption does not take it from.
    const placed = new Set<Node>();
    visit({ type: 'paragraph', children: caption } as Paragraph, 'footnoteReference', (marker) => void placed.add(marker));
    const stray = markers.filter((marker) => !placed.has(marker));
    for (const image of images) image.title = null;
    // Kept as Markdown, so that the caption's emphasis, links and note markers become HTML like any other text.
    node.children = [
      { type: 'paragraph', data: { hName: 'div', hProperties: { className: ['figure-images'] } }, children: images },
      ...(caption.length > 0 || stray.length > 0 ? [{ type: 'paragraph', data: { hName: 'figcaption' }, children: [...caption, ...stray] } satisfies Paragraph] : []),
    ];
  },
};

function widthShare(width: string | null | undefined): number | undefined {
  if (!width) return 100;
  const named = shares[width.trim()];
  if (named) return named;
  const percent = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(width.trim());
  const value = percent ? Number(percent[1]) : Number.NaN;
  return value >= 10 && value <= 100 ? value : undefined;
}

/** A lone image's title as its caption: the text, with each note marker back where its `[^n]` stood. */
function titleCaption(title: string, markers: readonly FootnoteReference[]): PhrasingContent[] {
  const pieces = title.split(captionNoteMark);
  return pieces.flatMap((piece, at): PhrasingContent[] => [...(piece ? [{ type: 'text', value: piece } as const] : []), ...(at < pieces.length - 1 && markers[at] ? [markers[at]] : [])]);
}
