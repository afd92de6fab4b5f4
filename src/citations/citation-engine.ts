import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { VFile } from 'vfile';
import type { CitedItem } from './find-citations.js';
import type { CitationStyle } from './citation-style.js';
import type { CslItem } from './load-bibliography.js';
import { narrativeStyle } from './narrative-style.js';
import { cslEngine } from './csl-engine.js';

/** A piece of a formatted citation: one work's part (with its key), or what stands between works (no key). */
export interface CitedPart {
  readonly key?: string | undefined;
  readonly content: ElementContent[];
}

/** The report's bibliography and style, formatting citations in the order the report cites them. */
export interface CitationEngine {
  /** The bibliography file, for messages about its entries. */
  readonly file: VFile;
  /** Every key in the bibliography. */
  readonly keys: readonly string[];
  /** Whether citations are footnotes (a notes style). */
  readonly note: boolean;
  /** Keys cited so far, in order of first citation. */
  readonly cited: Set<string>;
  /**
   * Format one citation: in-text for author-date styles, the note's text for notes styles, cut into each work's
   * part (so that each can link to its own entry) and what stands between them (parentheses, semicolons).
   * @param items the keys with their prefixes and locators
   * @param form `author` for the author's name alone (`@key says`), `full` otherwise
   */
  cite(items: readonly CitedItem[], form?: 'author' | 'full'): CitedPart[];
  /** The bibliography of the works cited: each entry's key and content. */
  bibliography(): { key: string; content: ElementContent[] }[];
}

/**
 * Set up citeproc-js with the works, the style and the report's locale.
 * @param file the bibliography file
 * @param items its works
 * @param style the CSL style
 * @param locale the CSL locale XML for the report's language
 * @param language the report's language tag
 * @param fault told when the engine fails on the style or the works (the citation is then left empty)
 */
export function createCitationEngine(file: VFile, items: readonly CslItem[], style: CitationStyle, locale: string, language: string, fault: (cause: unknown) => void = (cause) => { throw cause; }): CitationEngine {
  const keys = items.map((item) => item.id);
  const engine = cslEngine(items, style.xml, locale, language);
  const cited = new Set<string>();
  // APA's "Starr and Kuchins (2010)" outside parentheses: a second engine, made at the first narrative citation.
  const narrativeXml = narrativeStyle(style.xml);
  let narrative: ReturnType<typeof cslEngine> | undefined;
  const authorEngine = () => (narrativeXml ? (narrative ??= cslEngine(items, narrativeXml, locale, language)) : engine);
  return {
    file,
    keys,
    note: style.note,
    cited,
    cite(list, form = 'full') {
      const cluster = list.map((item, index) => {
        const { label, locator } = splitLocator(item.suffix);
        const entry: Record<string, unknown> = { id: item.key, position: cited.has(item.key) ? 1 : 0 };
        // Each work's part is bracketed by private-use characters naming it (the style may reorder the works).
        entry['prefix'] = `${opening}${String.fromCharCode(numbered + index)}${item.prefix ? `${item.prefix} ` : ''}`;
        entry['suffix'] = `${!locator && item.suffix ? `, ${item.suffix}` : ''}${closing}`;
        if (locator) Object.assign(entry, { locator, label });
        if (item.suppressAuthor) entry['suppress-author'] = true;
        if (form === 'author') entry['author-only'] = true;
        return entry;
      });
      let html: string;
      try {
        html = (form === 'author' ? authorEngine() : engine).makeCitationCluster(cluster);
      } catch (cause) {
        fault(cause);
        return [];
      }
      if (form === 'full') for (const item of list) cited.add(item.key);
      return partsOf(toHast(tieLocators(style.note && form === 'full' ? capitalise(html) : html)), list.map((item) => item.key));
    },
    bibliography() {
      const cites = [...cited];
      let made: ReturnType<typeof engine.makeBibliography>;
      try {
        engine.updateItems(cites);
        made = engine.makeBibliography();
      } catch (cause) {
        fault(cause);
        return [];
      } finally {
        // Every work registered again, as watch keeps the engine for the next build (csl-engine.ts).
        try {
          engine.updateItems(keys);
        } catch (cause) {
          fault(cause);
        }
      }
      if (!made) return [];
      const [params, entries] = made;
      return entries.map((entry, index) => ({ key: params.entry_ids[index]?.[0] ?? '', content: toHast(entry.trim().replace(/^<div class="csl-entry">|<\/div>$/g, '')) }));
    },
  };
}

// Pandoc's locator terms: `p. 12`, `pp. 3–5`, `ch. 3`, `sec. 2`, or a bare page number.
const labels: Record<string, string> = { p: 'page', pp: 'page', page: 'page', pages: 'page', ch: 'chapter', chap: 'chapter', chapter: 'chapter', sec: 'section', section: 'section', para: 'paragraph', fig: 'figure', n: 'note', vol: 'volume', art: 'article', col: 'column', l: 'line' };

function splitLocator(suffix: string): { label?: string; locator?: string } {
  const named = /^([a-z]+)\.?\s+(\S.*)$/i.exec(suffix);
  const label = named ? labels[(named[1] ?? '').toLowerCase()] : undefined;
  if (label && named?.[2]) return { label, locator: named[2] };
  if (/^[\divxlc]+(?:\s*[-–,]\s*[\divxlc]+)*$/i.test(suffix)) return { label: 'page', locator: suffix };
  return {};
}

// A locator's label stays on the line of its number: "p. 12", "pp. 3–5", "ch. 3", never "p." at a line's end.
const locatorLabel = /\b((?:pp?|ch|chap|sec|para|paras|figs?|nn?|vols?|cols?|ll?|nos?)\.) (?=[\dIVXLCivxlc])/g;

function tieLocators(html: string): string {
  return html.replace(locatorLabel, '$1\u00A0');
}

function capitalise(html: string): string {
  return html.replace(/^((?:<[^>]+>|[\uE000\uE100-\uE1FF])*)(\p{Ll})/u, (_, tags: string, letter: string) => tags + letter.toUpperCase());
}

const opening = '\uE000';
const closing = '\uE001';
const numbered = 0xe100;
const marks = /(\uE000[\uE100-\uE1FF]|\uE001)/;

/**
 * Cut a formatted citation at the marks around each work's part. Marks inside an element (a style that sets the
 * whole citation in italics, say) cannot cut it: the citation is then one part, the first work's.
 */
function partsOf(nodes: ElementContent[], keys: readonly string[]): CitedPart[] {
  const nested = nodes.some((node) => node.type === 'element' && marks.test(JSON.stringify(node)));
  if (nested) return [{ key: keys[0], content: JSON.parse(JSON.stringify(nodes).replace(/[\uE000\uE001\uE100-\uE1FF]/g, '')) as ElementContent[] }];
  const parts: { key?: string | undefined; content: ElementContent[] }[] = [{ content: [] }];
  for (const node of nodes) {
    if (node.type !== 'text') {
      parts.at(-1)?.content.push(node);
      continue;
    }
    for (const piece of node.value.split(marks)) {
      if (piece.startsWith(opening)) parts.push({ key: keys[piece.charCodeAt(1) - numbered], content: [] });
      else if (piece === closing) parts.push({ content: [] });
      else if (piece !== '') parts.at(-1)?.content.push({ type: 'text', value: piece });
    }
  }
  return parts.filter((part) => part.content.length > 0);
}

// The engine returns HTML; it becomes a tree here, so nothing is pasted into the document as a string.
function toHast(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}
