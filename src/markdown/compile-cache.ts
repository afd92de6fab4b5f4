import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

type VFileMessage = VFile['messages'][number];

const cache = new Map<string, { tree: Root; messages: VFileMessage[] }>();
const limit = 500;
let keeping = false;

/**
 * Keep compiled chapters for the next build in this process: for `folio watch` and `folio preview`. A single
 * build does not keep them: the copies would cost time and hold a second copy of the report in memory.
 */
export function keepCompiledChapters(): void {
  keeping = true;
}

/**
 * Compile a chapter, or take it from the cache when nothing it depends on changed: its text, its path, and the
 * options. The cached tree is copied before use, because later stages change the tree they are given; the
 * chapter's messages are given back too. Lives as long as the process, once `keepCompiledChapters` was called:
 * `folio watch` recompiles only what was edited (and chapters whose images came or went).
 * @param file the chapter
 * @param key what else the result depends on (options), as a string
 * @param compile compiles it when it is not cached
 */
export async function compileCached(file: VFile, key: string, compile: () => Promise<Root>): Promise<Root> {
  if (!keeping) return compile();
  const hash = createHash('sha256').update(file.path).update('\0').update(key).update('\0').update(String(file.value)).digest('hex');
  const hit = cache.get(hash);
  if (hit && imagesStillThere(hit.tree)) {
    file.messages.push(...hit.messages);
    return structuredClone(hit.tree);
  }
  const before = file.messages.length;
  const tree = await compile();
  const messages = file.messages.slice(before);
  // A chapter's images can appear or disappear without its text changing: a compile that found a problem with
  // an image is not kept, and a kept one is used only while its images are all still there.
  if (messages.some((message) => message.ruleId?.startsWith('image-'))) {
    cache.delete(hash);
    return tree;
  }
  if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
  cache.set(hash, { tree: structuredClone(tree), messages });
  return tree;
}

function imagesStillThere(tree: Root): boolean {
  let present = true;
  visit(tree, 'element', (node) => {
    const src = node.properties.src;
    if (node.tagName === 'img' && typeof src === 'string' && src.startsWith('file:') && !existsSync(fileURLToPath(src))) present = false;
  });
  return present;
}
