import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The bundled Paged.js polyfill. pagedjs's exports map hides dist/; its CommonJS entry sits in lib/, beside it. */
export const pagedPolyfillFile: string = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/**
 * How Folio runs Paged.js: started by Folio (not on load), and breaking words across pages with a plain '-',
 * which every text face has (Paged.js's default, U+2011, is often missing).
 */
export const pagedConfig = { auto: false, settings: { hyphenGlyph: '-' } } as const;

let source: Promise<string> | undefined;

/** The polyfill's source, read once. */
export function pagedPolyfillSource(): Promise<string> {
  source ??= readFile(pagedPolyfillFile, 'utf8');
  return source;
}
