import type { PageBox } from '../../render/browser/inspect-layout.js';

/** What an untagged painting is as an artifact (ISO 32000-1, 14.8.2.2), or `undefined` for content left untagged. */
export type ArtifactKind = 'header' | 'footer' | 'pagination' | 'layout';

/** A painting's place: a point for text (the glyphs' origin), in PDF points with y going up. */
export interface PagePoint {
  readonly x: number;
  readonly y: number;
}

/** A page's boxes in PDF points (y going up): the area inside the margins, and decorative images. */
export interface PageRegions {
  readonly area: PageBox | undefined;
  readonly decorative: readonly PageBox[];
}

// A glyph's origin can sit a hair outside the box that holds it (rounding, a descender's baseline).
const slack = 1;

const inside = (box: PageBox, point: PagePoint) =>
  point.x >= box.left - slack && point.x <= box.right + slack && point.y >= box.bottom - slack && point.y <= box.top + slack;

/**
 * The artifact an untagged text painting is: lettering of a decorative image is layout; text outside the page area
 * is a running head (above), folio (below) or other margin text; text inside the area is real content Chromium
 * failed to tag, never hidden as an artifact, so the preflight reports it.
 * @param point where the text is drawn
 * @param regions the page's area and decorative images
 */
export function textArtifactKind(point: PagePoint, regions: PageRegions): ArtifactKind | undefined {
  // The margins first: the running heads and folios are hidden from the structure too, but they are pagination.
  const area = regions.area;
  if (area && !inside(area, point)) {
    if (point.y > area.top) return 'header';
    if (point.y < area.bottom) return 'footer';
    return 'pagination';
  }
  // Inside the area, what the structure left out on purpose (a decorative image's lettering, a repeated header row).
  if (regions.decorative.some((box) => inside(box, point))) return 'layout';
  return undefined;
}

const properties: Record<ArtifactKind, string> = {
  header: '/Artifact <</Type /Pagination /Subtype /Header>> BDC',
  footer: '/Artifact <</Type /Pagination /Subtype /Footer>> BDC',
  pagination: '/Artifact <</Type /Pagination>> BDC',
  layout: '/Artifact <</Type /Layout>> BDC',
};

/**
 * The operator that opens an artifact of a kind.
 * @param kind the kind
 */
export function beginArtifact(kind: ArtifactKind): string {
  return properties[kind];
}
