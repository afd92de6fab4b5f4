import type { Element } from 'hast';
import type { Placement } from '../document/placements.js';

/**
 * Which kind of placement the theme gives an image, from where it stands: a speaker portrait, a gallery photo,
 * a figure (on an upright or a turned page), or none (an image inside a line of text).
 * @param node the `img` element
 * @param ancestors its ancestors, outermost first
 */
export function placementOf(node: Element, ancestors: readonly unknown[]): Placement | undefined {
  const classes = (element: unknown) => {
    const value = (element as Element).properties?.className;
    return Array.isArray(value) ? value.map(String) : [];
  };
  if (classes(node).includes('cover-photo')) return 'coverPhoto';
  if (classes(node).includes('speaker-photo')) return ancestors.some((a) => classes(a).includes('speaker-lead')) ? 'speakerLead' : 'speaker';
  if (ancestors.some((a) => classes(a).includes('gallery-item'))) return 'gallery';
  if (ancestors.some((a) => classes(a).includes('figure'))) return ancestors.some((a) => classes(a).includes('landscape')) ? 'turnedFigure' : 'figure';
  return undefined;
}
