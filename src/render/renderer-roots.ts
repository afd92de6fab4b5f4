import { createRequire } from 'node:module';
import path from 'node:path';
import { templatesDir } from '../package-paths.js';

const require = createRequire(import.meta.url);

/** Folio's own folders the page loads from: the theme's stylesheets and the bundled fonts. */
export const rendererRoots: readonly string[] = [
  templatesDir,
  path.dirname(require.resolve('@fontsource/source-serif-4/package.json')),
  path.dirname(require.resolve('@fontsource/source-sans-3/package.json')),
];
