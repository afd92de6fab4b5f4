import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The bundled Paged.js polyfill. pagedjs's exports map hides dist/; its CommonJS entry sits in lib/, beside it. */
export const pagedPolyfillFile: string = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/**
 * How Folio runs Paged.js: started by Folio (not on load); breaking words across pages with a plain '-', which
 * every text face has (Paged.js's default, U+2011, is often missing); and checking for overflow every 4,000
 * letters, about a full page here. Left unset, Paged.js takes that number from the document's first page (the
 * cover's hundred letters) and keeps it: the layout of a page then depends on how the document began, and a
 * chapter laid out on its own would break differently. Checked every 1,500 letters (Paged.js's default) or fewer,
 * a programme table broke a row early, leaving the row's room empty; at 2,500 and more it fills its page, and
 * nothing else changes (every page's text compared in the seminar report, its print edition and at 160 pages).
 */
export const pagedConfig = { auto: false, settings: { hyphenGlyph: '-', maxChars: 4000 } } as const;

let source: Promise<string> | undefined;

/** The polyfill's source, read once. */
export function pagedPolyfillSource(): Promise<string> {
  source ??= readFile(pagedPolyfillFile, 'utf8');
  return source;
}
