import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** One face of a font family: a file per weight and style. */
export interface FontFace {
  readonly family: string;
  readonly weight: number;
  readonly style: 'normal' | 'italic';
  readonly url: string;
  readonly unicodeRange?: string;
}

// Latin and Latin Extended cover English and the transliterated names of the region; subsets keep the PDF small.
const subsets = [
  { name: 'latin', range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { name: 'latin-ext', range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
];

/** The bundled families: static TrueType faces from Fontsource, so Chromium embeds them as TrueType (never Type 3). */
const families = [
  { family: 'Source Serif 4', pkg: '@fontsource/source-serif-4', slug: 'source-serif-4', faces: ['400-normal', '400-italic', '600-normal', '600-italic', '700-normal', '700-italic'] },
  { family: 'Source Sans 3', pkg: '@fontsource/source-sans-3', slug: 'source-sans-3', faces: ['400-normal', '400-italic', '600-normal', '700-normal', '800-normal'] },
] as const;

/** The text and display families that ship with Folio. */
export const bundledFamilies = { text: 'Source Serif 4', display: 'Source Sans 3' } as const;

/** Every bundled font face, as `file:` URLs into node_modules. */
export function bundledFontFaces(): FontFace[] {
  return families.flatMap(({ family, pkg, slug, faces }) => {
    const dir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
    return faces.flatMap((face) => {
      const [weight, style] = face.split('-') as [string, 'normal' | 'italic'];
      return subsets.map((subset) => ({
        family,
        weight: Number(weight),
        style,
        url: pathToFileURL(path.join(dir, `${slug}-${subset.name}-${face}.woff2`)).href,
        unicodeRange: subset.range,
      }));
    });
  });
}
