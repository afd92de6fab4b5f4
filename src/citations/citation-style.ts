import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { readSourceFile } from '../files/read-source-file.js';
import { sourceFolder } from '../files/source-folder.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import { error } from '../messages/emit.js';
import { templatesDir } from '../package-paths.js';
import { styleSize } from './style-size.js';

/** The most steps a manuscript's own style may take for one citation, its macros expanded (see styleSize). */
export const maxStyleSize = 12_000_000;

const cslDir = path.join(templatesDir, 'csl');

/** A CSL style, read: its XML and whether citations are notes. */
export interface CitationStyle {
  readonly xml: string;
  /** Notes styles (Chicago notes-bibliography) make every citation a footnote. */
  readonly note: boolean;
}

/** The names of the bundled styles (`templates/csl/*.csl`). */
export function bundledStyles(): string[] {
  return readdirSync(cslDir).filter((name) => name.endsWith('.csl')).map((name) => name.slice(0, -4));
}

/**
 * Read the style report.yaml names in `citation-style`: a bundled style by name, or a `.csl` file in the
 * manuscript folder. An unknown name is an error at the key, suggesting the closest bundled one.
 * @param manuscript the manuscript, for its folder and report.yaml
 */
export async function readCitationStyle(manuscript: Pick<Manuscript, 'root' | 'config' | 'configFile' | 'locate'>): Promise<CitationStyle | undefined> {
  const name = manuscript.config['citation-style'] ?? 'chicago-author-date';
  const bundled = bundledStyles();
  // A style of the manuscript's own comes through the folder's one door, like every file it holds.
  const own = !bundled.includes(name) && name.endsWith('.csl') ? sourceFolder(manuscript.root)?.locate(name, 'chapter') : undefined;
  const xml = bundled.includes(name) ? readFileSync(path.join(cslDir, `${name}.csl`), 'utf8') : own?.found ? (await readSourceFile(own, 'chapter')).toString('utf8') : undefined;
  if (xml === undefined) {
    const hint = name.endsWith('.csl') ? `${name} is not a file in the manuscript folder.` : `Did you mean \`${closest(name, bundled)}\`? Bundled styles: ${bundled.join(', ')}; or give the path of a .csl file.`;
    error(manuscript.configFile, `\`citation-style\`: no style \`${name}\`. ${hint}`, 'citation-style', manuscript.locate(['citation-style']));
    return undefined;
  }
  // A style of the manuscript's own may ask citeproc for endless work; the bundled ones are within the limit.
  const size = bundled.includes(name) ? 0 : styleSize(xml);
  if (size === undefined || size > maxStyleSize) {
    const why = size === undefined ? 'it is not well-formed XML' : size === Infinity ? 'a macro in it calls itself' : `its macros expand to ${size.toLocaleString('en')} steps for each citation, more than the ${maxStyleSize.toLocaleString('en')} Folio runs (Chicago's notes style needs under 5 million)`;
    error(manuscript.configFile, `\`citation-style\`: ${name} cannot be used: ${why}. Use one of the bundled styles (${bundled.join(', ')}), or a style from the CSL repository.`, 'citation-style', manuscript.locate(['citation-style']));
    return undefined;
  }
  return { xml, note: /<style\b[^>]*\bclass="note"/.test(xml) };
}

/**
 * The CSL locale for a language (`en-GB`), falling back to the language's first bundled region, then to en-US.
 * @param language a language tag
 */
export function readLocale(language: string): string {
  const names = readdirSync(path.join(cslDir, 'locales'));
  const base = language.split('-')[0] ?? 'en';
  const name = names.find((n) => n === `locales-${language}.xml`) ?? names.find((n) => n.startsWith(`locales-${base}-`)) ?? 'locales-en-US.xml';
  return readFileSync(path.join(cslDir, 'locales', name), 'utf8');
}
