import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { decodePath } from '../files/decode-path.js';
import { reportRefusal } from '../files/report-refusal.js';
import { sourceFolder } from '../files/source-folder.js';
import { error } from '../messages/emit.js';

/** Options for {@link rehypeAssets}. */
export interface Options {
  /** The manuscript folder: image paths resolve against it and must stay inside it. */
  readonly root: string;
}

/**
 * Resolve every image path through the manuscript folder's one door into a `file:` URL of its real path, and
 * report images that are missing, remote, outside the folder (links included), not files or too large, at the
 * Markdown line that uses them. A refused image loses its `src`, so no later stage opens it.
 * @param options where the manuscript is
 */
export default function rehypeAssets(options: Options) {
  const folder = sourceFolder(options.root);
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = node.properties.src;
      const refuse = () => void delete node.properties.src;
      if (/^data:/i.test(src)) {
        error(file, `Image ${src.slice(0, 40)}… is written into the Markdown as a data: address: save the picture as a file in the manuscript's images/ folder and use its path, so that Folio can check and prepare it.`, 'image-remote', node.position);
        return refuse();
      }
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src) && !/^file:/i.test(src)) {
        error(file, `Image ${src} is on the network: download it into the manuscript's images/ folder and use its path, so the report builds offline.`, 'image-remote', node.position);
        return refuse();
      }
      const located = folder?.locate(decodePath(src), 'image') ?? { found: false, problem: 'missing' };
      if (located.found) {
        node.properties.src = pathToFileURL(located.path).href;
      } else if (located.problem === 'missing') {
        error(file, `Image not found: ${src}. Check the spelling, or put the file at ${path.relative(process.cwd(), path.resolve(options.root, decodePath(src)))}.`, 'image-missing', node.position);
        refuse();
      } else {
        reportRefusal(file, `Image ${src}`, located, 'image', node.position);
        refuse();
      }
    });
  };
}
