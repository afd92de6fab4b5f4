import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { error } from '../messages/emit.js';
import { setDays } from './bibtex-days.js';
import { setGenres, type BibtexEntry } from './bibtex-genres.js';
import { setPeriodicalTypes } from './bibtex-periodical-types.js';

/** A work in CSL-JSON, the form every CSL engine reads. */
export type CslItem = Record<string, unknown> & { readonly id: string };

/**
 * Read the works of a bibliography file: BibTeX/BibLaTeX (`.bib`), CSL-JSON (`.json`) or CSL-YAML (`.yaml`).
 * A file that cannot be read becomes an error on it at the line the parser stopped.
 * @param file the bibliography, its text in `value`
 */
export function loadBibliography(file: VFile): CslItem[] {
  const text = String(file.value);
  const extension = path.extname(file.path).toLowerCase();
  try {
    const items: unknown = extension === '.json' ? JSON.parse(text) : /^\.ya?ml$/.test(extension) ? cslYaml(text) : bibtex(text);
    if (!Array.isArray(items)) throw new Error('expected a list of works');
    const works = items.filter((item): item is CslItem => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string');
    checkNames(works, file);
    return works;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const at = /line (\d+) col(?:umn)? (\d+)/.exec(reason);
    const place = at ? { line: Number(at[1]), column: Number(at[2]) } : undefined;
    error(file, `${path.basename(file.path)} cannot be read: ${(reason.split('\n')[0] ?? '').replace(/:$/, '')}. Check the entry ${place ? `at line ${place.line}` : 'named'} (a missing brace or comma is the usual cause).`, 'bibliography-syntax', place);
    return [];
  }
}

/** CSL's name variables: a name in them the parser could not make out would vanish from every citation. */
const nameVariables = ['author', 'editor', 'translator', 'container-author', 'collection-editor', 'composer', 'director', 'interviewer', 'illustrator', 'original-author', 'recipient', 'reviewed-author'];

// A BibTeX name holding markup (`<b>Doe</b>, Jane`) parses to an empty name: the citation would print without it.
function checkNames(works: readonly CslItem[], file: VFile): void {
  const lines = entryLines(String(file.value));
  for (const work of works) {
    for (const variable of nameVariables) {
      const names = work[variable];
      if (!Array.isArray(names)) continue;
      const empty = names.some((name: unknown) => typeof name !== 'object' || name === null || !['family', 'given', 'literal'].some((part) => typeof (name as Record<string, unknown>)[part] === 'string' && String((name as Record<string, unknown>)[part]).trim() !== ''));
      if (!empty) continue;
      const line = lines.get(work.id);
      error(file, `The work \`${work.id}\` has a name in \`${variable}\` that cannot be read, so it would be left out of every citation: write it as \`Family, Given\` (or \`{Organisation Name}\`), without markup.`, 'bibliography-syntax', line ? { line, column: 1 } : undefined);
    }
  }
}

// BibTeX/BibLaTeX, read in citation-js's two steps, so that genres, types and dates can be taken from the entries as written.
function bibtex(text: string): unknown {
  const entries = plugins.input.data(text, '@biblatex/text') as BibtexEntry[];
  const items = plugins.input.chain(entries, { generateGraph: false, forceType: '@biblatex/entries+list' }) as CslItem[];
  setGenres(entries, items);
  setPeriodicalTypes(entries, items);
  setDays(entries, items);
  return items;
}

// CSL-YAML is a list of works, or Pandoc's `references:` with that list.
function cslYaml(text: string): unknown {
  const value: unknown = parseYaml(text);
  return Array.isArray(value) ? value : (value as { references?: unknown } | null)?.references;
}

/**
 * The line of each entry's key in a BibTeX file (`@book{key,` ), for messages about a work.
 * @param text the .bib text
 */
export function entryLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const match = /^\s*@\w+\s*[{(]\s*([^,\s]+)\s*,/.exec(line);
    if (match?.[1]) lines.set(match[1], index + 1);
  });
  return lines;
}
