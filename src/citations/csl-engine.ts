import { createHash } from 'node:crypto';
import CSL from 'citeproc';
import type { CslItem } from './load-bibliography.js';

type Engine = InstanceType<typeof CSL.Engine>;

// citeproc-js finds each macro by walking the whole style: half of the 4 s it takes to read Chicago's 170 KB.
// CSL allows macros only at the top of a style, so the top level is enough.
const walk = CSL.XmlJSON.prototype.getNodesByName;
CSL.XmlJSON.prototype.getNodesByName = function (json, name, value, found) {
  if (name === 'macro' && value && !found && json?.name === 'style') return json.children.filter((child) => typeof child === 'object' && child.name === 'macro' && child.attrs['name'] === value) as never;
  return walk.call(this, json, name, value, found);
};

// citeproc-js takes about 0.7 s to read a style as long as Chicago's (its token lists, built anew for each engine),
// which `folio watch` and `folio preview` would pay again on every edit: they keep the engines of the last builds.
// An engine of Chicago's holds about 150 MB, so a single build does not keep it (it would stay through the layout
// and the printing, where the process tree's memory peaks).
const kept = new Map<string, Engine>();
// One style's engine and its narrative twin (APA), for the screen and print editions alike.
const keep = 2;
let keeping = false;

/** Keep citeproc-js engines for the next build in this process: for `folio watch` and `folio preview`. */
export function keepCitationEngines(): void {
  keeping = true;
}

/**
 * A citeproc-js engine for these works, this style and locale, with every work registered (so that disambiguation,
 * 2019a and 2019b, does not depend on which chapter cites first). Once `keepCitationEngines` was called, an engine
 * made for the same works, style and locale earlier in this process is given again: Folio formats with
 * `makeCitationCluster`, which keeps no citations, and registers every work again after a bibliography, so a kept
 * engine is in the state a new one starts in.
 * @param items the works
 * @param xml the CSL style
 * @param locale the CSL locale XML
 * @param language the report's language tag
 */
export function cslEngine(items: readonly CslItem[], xml: string, locale: string, language: string): Engine {
  if (!keeping) return newEngine(items, xml, locale, language);
  const key = createHash('sha256').update(JSON.stringify(items)).update('\0').update(xml).update('\0').update(locale).update('\0').update(language).digest('hex');
  const found = kept.get(key);
  if (found) {
    // The most recently used last: the first is the one to let go.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const engine = newEngine(items, xml, locale, language);
  kept.set(key, engine);
  if (kept.size > keep) kept.delete(kept.keys().next().value as string);
  return engine;
}

function newEngine(items: readonly CslItem[], xml: string, locale: string, language: string): Engine {
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine({ retrieveLocale: () => locale, retrieveItem: (id) => byId.get(id) }, xml, language, true);
  engine.updateItems([...byId.keys()]);
  return engine;
}
