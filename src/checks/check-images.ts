import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { placedScale, placements, type Placement } from '../document/placements.js';
import type { SvgFamilies } from '../images/map-svg-fonts.js';
import { maxImagePixels } from '../files/file-limits.js';
import { error, warning } from '../messages/emit.js';
import type { RuleId } from '../messages/rules.js';
import { placementOf } from './placement-of.js';
import { readImageInfo, type ImageInfo } from './read-image-info.js';
import { svgFontWarnings } from './svg-font-warnings.js';

/** Below this many pixels per inch at its placed size, a photo prints visibly soft. */
export const minimumPrintPpi = 150;

/**
 * Check every image a chapter uses: that it is a picture Folio can place (not a HEIC phone photo, not a broken
 * file), that it has alt text, that it has enough pixels for print at the size the theme places it, and that an
 * SVG's text names no family the report cannot set it in. Run after rehype-assets, which resolved the paths.
 * @param tree the chapter's HTML tree
 * @param file the chapter, for messages
 * @param families the report's sans-serif, serif and monospace families, which SVG text is set in
 */
export async function checkImages(tree: Root, file: VFile, families?: SvgFamilies): Promise<void> {
  const found: { node: Element; placement: Placement | undefined }[] = [];
  visitParents(tree, 'element', (node, ancestors) => {
    if (node.tagName !== 'img' || typeof node.properties.src !== 'string' || !node.properties.src.startsWith('file:')) return;
    found.push({ node, placement: placementOf(node, ancestors) });
  });
  await Promise.all(found.map(({ node, placement }) => checkImage(node, placement, file, families)));
}

async function checkImage(node: Element, placement: Placement | undefined, file: VFile, families: SvgFamilies | undefined): Promise<void> {
  const absolute = fileURLToPath(String(node.properties.src));
  const name = path.basename(absolute);
  const info = await readImageInfo(absolute);
  const problem = imageProblem(name, info);
  if (problem) {
    error(file, problem.message, problem.rule, node.position);
    return;
  }
  const alt = node.properties.alt;
  if ((typeof alt !== 'string' || alt.trim() === '') && placement !== 'speaker' && placement !== 'speakerLead') {
    warning(file, `${name} has no alt text: describe the picture in the brackets, ![A delegate speaking](…), for readers who cannot see it.`, 'image-alt', node.position);
  }
  if (info.kind === 'vector' && families) {
    for (const message of await svgFontWarnings(absolute, families)) warning(file, message, 'image-font', node.position);
  }
  if (info.kind !== 'raster' || !placement) return;
  const size = placements[placement];
  const ppi = effectivePpi(info.width, info.height, size, placement === 'figure' || placement === 'turnedFigure' ? 'contain' : 'cover');
  if (ppi < minimumPrintPpi) {
    const placedWidth = (info.width / ppi) * 25.4;
    warning(file, `${name} has only ${Math.round(ppi)} ppi where it is placed (${info.width}×${info.height} pixels printed ${Math.round(placedWidth)} mm wide): it will print soft. Use a picture at least ${Math.ceil((minimumPrintPpi * placedWidth) / 25.4)} pixels wide.`, 'image-resolution', node.position);
  }
}

/**
 * Why an image cannot be placed at all, as a message and its rule; undefined when it can.
 * @param name the file's name, for the message
 * @param info what readImageInfo found
 */
export function imageProblem(name: string, info: ImageInfo): { message: string; rule: RuleId } | undefined {
  if (info.kind === 'heic') {
    return { message: `${name} is a HEIC photo (the iPhone format), which a PDF cannot show. Convert it to JPEG: on a Mac, open it in Preview and use File › Export › JPEG; on Windows, open it in Photos and use Save as › .jpg; or set the phone's camera to "Most Compatible".`, rule: 'image-unreadable' };
  }
  if (info.kind === 'too-many-pixels') {
    return { message: `${name} has too many pixels: ${info.width.toLocaleString('en')} × ${info.height.toLocaleString('en')}, more than the ${(maxImagePixels / 1e6).toLocaleString('en')} million Folio opens. Export it at a smaller size (a full page needs about 2,500 × 3,500 pixels).`, rule: 'image-pixels' };
  }
  if (info.kind === 'svg-refused') {
    return { message: `${name} cannot be used: ${info.reason}. Export the drawing again from the program that made it (as plain SVG, or as PNG).`, rule: 'image-unreadable' };
  }
  if (info.kind === 'unreadable') {
    return { message: `${name} cannot be used: ${info.reason}. Save it as JPEG (photos) or PNG (drawings, screenshots).`, rule: 'image-unreadable' };
  }
  return undefined;
}

/**
 * Pixels per inch of an image placed in a box: `contain` scales it to fit inside (figures), `cover` to fill and
 * crop (portraits, gallery photos).
 */
export function effectivePpi(width: number, height: number, box: { width: number; height: number }, fit: 'contain' | 'cover'): number {
  return 25.4 / placedScale(width, height, box, fit);
}
