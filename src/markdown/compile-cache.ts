import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

type VFileMessage = VFile['messages'][number];

const cache = new Map<string, { tree: Root; messages: VFileMessage[] }>();
const limit = 500;

/**
 * Compile a chapter, or take it from the cache when nothing it depends on changed: its text, its path, and the
 * options. The cached tree is copied before use, because later stages change the tree they are given; the
 * chapter's messages are given back too. Lives as long as the process: `folio watch` recompiles only what
 * was edited.
 * @param file the chapter
 * @param key what else the result depends on (options), as a string
 * @param compile compiles it when it is not cached
 */
export async function compileCached(file: VFile, key: string, compile: () => Promise<Root>): Promise<Root> {
  const hash = createHash('sha256').update(file.path).update('\0').update(key).update('\0').update(String(file.value)).digest('hex');
  const hit = cache.get(hash);
  if (hit) {
    file.messages.push(...hit.messages);
    return structuredClone(hit.tree);
  }
  const before = file.messages.length;
  const tree = await compile();
  if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
  cache.set(hash, { tree: structuredClone(tree), messages: file.messages.slice(before) });
  return tree;
}
