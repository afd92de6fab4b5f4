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

// Latin and Latin Extended cover English and the transliterated names of the region, Arabic its Arabic-script
// languages (Fontsource's ranges, without the historic blocks, with the space, so a right-to-left line is one run
// of one font); subsets keep what the browser loads small.
const subsets = [
  { name: 'latin', range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
  { name: 'arabic', range: 'U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC' },
  { name: 'latin-ext', range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
];

/** The bundled families: static TrueType faces from Fontsource, so Chromium embeds them as TrueType (never Type 3). */
const families = [
  { family: 'Source Serif 4', pkg: '@fontsource/source-serif-4', slug: 'source-serif-4', faces: ['400-normal', '400-italic', '600-normal', '600-italic', '700-normal', '700-italic'] },
  // Every weight the theme sets also in italic: a face Chromium has to synthesise prints as a Type 3 font.
  { family: 'Source Sans 3', pkg: '@fontsource/source-sans-3', slug: 'source-sans-3', faces: ['400-normal', '400-italic', '600-normal', '600-italic', '700-normal', '700-italic', '800-normal', '800-italic'] },
  // Code (`code`, `pre`), in the weights and styles of the text it sits in; bundled so that it too prints in no machine font.
  { family: 'Source Code Pro', pkg: '@fontsource/source-code-pro', slug: 'source-code-pro', faces: ['400-normal', '400-italic', '600-normal', '600-italic', '700-normal', '700-italic'] },
  // Arabic script has no italics; font-synthesis: none (base.css) keeps an italic context on these upright faces.
  { family: 'Noto Naskh Arabic', pkg: '@fontsource/noto-naskh-arabic', slug: 'noto-naskh-arabic', faces: ['400-normal', '600-normal', '700-normal'], subsets: ['arabic'] },
  { family: 'Noto Nastaliq Urdu', pkg: '@fontsource/noto-nastaliq-urdu', slug: 'noto-nastaliq-urdu', faces: ['400-normal', '600-normal', '700-normal'], subsets: ['arabic'] },
] as const;

/** Faces for scripts the text and display families lack, after them in every font stack (Urdu asks for Nastaliq by `lang`). */
export const scriptFamilies = { naskh: 'Noto Naskh Arabic', nastaliq: 'Noto Nastaliq Urdu' } as const;

/** The text, display and code (monospace) families that ship with Folio. */
export const bundledFamilies = { text: 'Source Serif 4', display: 'Source Sans 3', mono: 'Source Code Pro' } as const;

/** The folders the bundled faces are read from (the page may load from them). */
export function bundledFontDirs(): string[] {
  return families.map(({ pkg }) => path.dirname(require.resolve(`${pkg}/package.json`)));
}

/** Every bundled font face, as `file:` URLs into node_modules. */
export function bundledFontFaces(): FontFace[] {
  return families.flatMap((entry) => {
    const { family, pkg, slug, faces } = entry;
    const dir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
    const wanted: readonly string[] = 'subsets' in entry ? entry.subsets : ['latin', 'latin-ext'];
    return faces.flatMap((face) => {
      const [weight, style] = face.split('-') as [string, 'normal' | 'italic'];
      return subsets.filter((subset) => wanted.includes(subset.name)).map((subset) => ({
        family,
        weight: Number(weight),
        style,
        url: pathToFileURL(path.join(dir, `${slug}-${subset.name}-${face}.woff2`)).href,
        unicodeRange: subset.range,
      }));
    });
  });
}
