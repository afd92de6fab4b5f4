import { bundledFontDirs } from '../document/bundled-fonts.js';
import { templatesDir } from '../package-paths.js';

/** Folio's own folders the page loads from: the theme's stylesheets and the bundled fonts. */
export const rendererRoots: readonly string[] = [templatesDir, ...bundledFontDirs()];
