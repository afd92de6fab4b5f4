import { fileURLToPath } from 'node:url';
import type { FontFace } from '../document/bundled-fonts.js';
import { cssString } from '../document/css-string.js';
import { readSourceFile } from '../files/read-source-file.js';
import type { MappedSvg, SvgFamilies } from './map-svg-fonts.js';

/** The report's fonts as the image stage needs them for SVG text. */
export interface SvgFonts {
  readonly families: SvgFamilies;
  /** Every face the report declares (bundled or from report.yaml), with `file:` URLs. */
  readonly faces: readonly FontFace[];
}

const types: Readonly<Record<string, string>> = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', otf: 'font/otf' };

/**
 * Give an SVG the faces its text now uses (see `mapSvgFonts`), as `@font-face` rules whose sources are data URLs:
 * an SVG drawn as an image loads no file, so the fonts have to travel inside it. Only the weights and styles the
 * text uses go in (regular always; bold, italic, bold italic when asked for), each in every subset the report
 * declares (with its unicode-range, so the browser takes a subset only for the letters that need it).
 * @param mapped the SVG with its families mapped, and what it uses
 * @param fonts the report's families and faces
 */
export async function embedSvgFonts(mapped: MappedSvg, fonts: SvgFonts): Promise<string> {
  const { uses } = mapped;
  const wanted = (['sans', 'serif', 'mono'] as const).filter((role) => uses[role]).map((role) => fonts.families[role]);
  const variants = [
    { weight: 400, style: 'normal' },
    ...(uses.bold ? [{ weight: 700, style: 'normal' }] : []),
    ...(uses.italic ? [{ weight: 400, style: 'italic' }] : []),
    ...(uses.bold && uses.italic ? [{ weight: 700, style: 'italic' }] : []),
  ];
  // A subset only if the drawing has a character in its range (the markup is ASCII, so Latin always goes in).
  const characters = [...new Set(Array.from(mapped.svg, (character) => character.codePointAt(0) ?? 0))];
  const faces = fonts.faces.filter((face) => wanted.includes(face.family) && variants.some((variant) => variant.weight === face.weight && variant.style === face.style) && covers(face.unicodeRange, characters));
  if (faces.length === 0) return mapped.svg;
  const rules = await Promise.all(
    faces.map(async (face) => {
      const extension = /\.(\w+)$/.exec(new URL(face.url).pathname)?.[1]?.toLowerCase() ?? 'woff2';
      const bytes = await readSourceFile({ path: fileURLToPath(face.url) }, 'font');
      const source = `data:${types[extension] ?? 'font/woff2'};base64,${bytes.toString('base64')}`;
      return `@font-face{font-family:${cssString(face.family)};font-style:${face.style};font-weight:${face.weight};src:url(${source})${face.unicodeRange ? `;unicode-range:${face.unicodeRange}` : ''}}`;
    }),
  );
  // First in the drawing, so that rules the SVG has of its own come after (and win where they differ).
  const root = /<svg\b[^>]*?(\/?)>/.exec(mapped.svg);
  if (!root || root[1] === '/') return mapped.svg;
  const at = root.index + root[0].length;
  return `${mapped.svg.slice(0, at)}<style>${rules.join('')}</style>${mapped.svg.slice(at)}`;
}

/** Whether a `unicode-range` (none: every character) holds one of the code points. */
function covers(range: string | undefined, codePoints: readonly number[]): boolean {
  if (!range) return true;
  const spans = range.split(',').map((part) => {
    const [start = '0', end] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(start, 16), parseInt(end ?? start, 16)] as const;
  });
  return codePoints.some((point) => spans.some(([start, end]) => point >= start && point <= end));
}
