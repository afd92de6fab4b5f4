import { expandedSize } from '../xml/expanded-size.js';
import { parseXml } from '../xml/parse-xml.js';

/** The most elements an SVG may draw once its references (`<use>`, markers, patterns, …) are expanded. */
export const maxSvgElements = 250_000;

/** The most text an SVG's entities may expand to. */
const maxEntityText = 4 * 1024 * 1024;

/** Why an SVG cannot be placed, in words for its author; undefined when it can. */
export type SvgProblem = string | undefined;

const reference = /url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g;

/**
 * Judge an SVG before the browser draws it: the browser expands `<use>` and other references without a limit,
 * so ten nested groups of ten `<use>` (a few hundred bytes) ask it to draw a trillion shapes and the layout hangs
 * until its timeout. Count what the drawing would hold once every reference is expanded, and refuse entity
 * declarations that nest or name a file (the XML parser would expand them).
 * @param text the SVG file's text
 */
export function inspectSvg(text: string): SvgProblem {
  // Old Illustrator files name their namespaces by entities (`<!ENTITY ns_svg "http://…">`), which the browser
  // expands: allow plain ones, expanded here as it would (the parser below does not), within a bound.
  const subset = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text);
  const entities = new Map<string, string>();
  for (const entity of (subset?.[1] ?? '').matchAll(/<!ENTITY\s+(%\s*)?([^\s]+)\s+(SYSTEM|PUBLIC|"[^"]*"|'[^']*')/gi)) {
    const value = entity[3] ?? '';
    if (entity[1] || /^(SYSTEM|PUBLIC)$/i.test(value)) return 'it declares an entity that reads another file';
    if (value.includes('&')) return 'it declares entities inside entities, which expand to far more text than the file holds';
    entities.set(entity[2] ?? '', value.slice(1, -1));
  }
  let expanded = 0;
  const body = subset ? text.slice(0, subset.index) + text.slice(subset.index + subset[0].length) : text;
  const xml = entities.size === 0 ? body : body.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => {
    const value = entities.get(name);
    if (value === undefined) return whole;
    expanded += value.length;
    return expanded > maxEntityText ? '' : value;
  });
  if (expanded > maxEntityText) return 'its entities expand to far more text than the file holds';
  const root = parseXml(xml, 'image/svg+xml')?.documentElement;
  if (!root) return 'it is not well-formed XML';
  const byId = new Map<string, Element>();
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i += 1) {
    const element = all[i] as Element;
    const id = element.getAttribute('id');
    if (id && !byId.has(id)) byId.set(id, element);
  }
  // What each element draws, its references expanded.
  const count = expandedSize((element) => references(element).flatMap((target) => {
    const found = byId.get(target);
    return found ? [{ element: found, times: repeats(element) }] : [];
  }), maxSvgElements);
  // Markers a stylesheet inside the SVG sets stand at every vertex of every shape.
  const styleText = Array.from({ length: root.getElementsByTagName('style').length }, (_, i) => root.getElementsByTagName('style')[i]?.textContent ?? '').join(' ');
  for (const match of styleText.matchAll(/marker(?:-start|-mid|-end)?\s*:\s*url\(\s*['"]?#([^'")\s]+)/g)) {
    const marker = match[1] ? byId.get(match[1]) : undefined;
    if (!marker) continue;
    const vertices = Array.from({ length: all.length }, (_, i) => repeats(all[i] as Element, true)).reduce((sum, n) => sum + n, 0);
    if (vertices * count(marker) > maxSvgElements) return `it draws more than ${maxSvgElements.toLocaleString('en')} shapes once its markers are placed at every point`;
  }
  const total = count(root);
  if (total === Infinity) return 'it refers to itself in a loop (a <use> or other reference that leads back to where it stands)';
  if (total > maxSvgElements) return `it draws more than ${maxSvgElements.toLocaleString('en')} shapes once its <use> copies and other references are expanded`;
  return undefined;
}

/** The ids an element refers to: `href`, `xlink:href` and `url(#…)` in any attribute (markers, fills, filters, clips). */
function references(element: Element): string[] {
  const found: string[] = [];
  for (let i = 0; i < element.attributes.length; i += 1) {
    const attribute = element.attributes[i];
    if (!attribute) continue;
    if (/^(xlink:)?href$/.test(attribute.name) && attribute.value.trim().startsWith('#')) found.push(attribute.value.trim().slice(1));
    for (const match of attribute.value.matchAll(reference)) if (match[1]) found.push(match[1]);
  }
  return found;
}

/** How many times an element draws what it refers to: a marker stands at every vertex of its path. */
function repeats(element: Element, always = false): number {
  const markers = always || [...Array.from({ length: element.attributes.length }, (_, i) => element.attributes[i]?.name ?? '')].some((name) => name.startsWith('marker') || name === 'style');
  if (!markers) return 1;
  const points = `${element.getAttribute('d') ?? ''} ${element.getAttribute('points') ?? ''}`.match(/-?[\d.]+(e-?\d+)?/gi)?.length ?? 0;
  return Math.max(1, Math.ceil(points / 2));
}
