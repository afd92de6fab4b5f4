import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folio's own folder (where package.json is), whether running from src/ through a loader or from dist/. */
export const packageRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Folio cannot find its own package.json');
    dir = parent;
  }
  return dir;
})();

/** The theme: stylesheets the report is set with. */
export const templatesDir: string = path.join(packageRoot, 'templates');
