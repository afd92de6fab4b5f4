import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';

/** Options for {@link rehypeAssets}. */
export interface Options {
  /** The manuscript folder: image paths resolve against it and must stay inside it. */
  readonly root: string;
}

/**
 * Resolve every image path against the manuscript folder into a `file:` URL the renderer can load, and
 * report images that are missing, remote, or outside the folder, at the Markdown line that uses them.
 * @param options where the manuscript is
 */
export default function rehypeAssets(options: Options) {
  const root = path.resolve(options.root);
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = node.properties.src;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
        error(file, `Image ${src} is on the network: download it into the manuscript's images/ folder and use its path, so the report builds offline.`, 'image-remote', node.position);
        return;
      }
      const absolute = path.resolve(root, decodeURI(src));
      if (path.relative(root, absolute).startsWith('..')) {
        error(file, `Image ${src} is outside the manuscript folder: copy it into the folder (for example images/) and use that path.`, 'image-outside', node.position);
        return;
      }
      if (!existsSync(absolute)) {
        error(file, `Image not found: ${src}. Check the spelling, or put the file at ${path.relative(process.cwd(), absolute)}.`, 'image-missing', node.position);
        return;
      }
      node.properties.src = pathToFileURL(absolute).href;
    });
  };
}
