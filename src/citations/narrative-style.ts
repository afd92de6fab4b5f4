import { parseXml } from '../xml/parse-xml.js';

/**
 * The style a narrative citation's author part is set in (`@key says` → "Starr and Kuchins"): where the
 * style's citations join names with a symbol (APA's `and="symbol"`: "Starr & Kuchins"), the same style joining
 * them with the word, as APA 7 and Pandoc's citeproc have it outside parentheses. Undefined when nothing the
 * citations use sets `and="symbol"` (Chicago author-date), so such a style needs no second engine.
 * @param xml the style's text
 */
export function narrativeStyle(xml: string): string | undefined {
  const root = parseXml(xml)?.documentElement;
  if (!root) return undefined;
  const macros = new Map<string, Element>();
  let citation: Element | undefined;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (element.localName === 'macro') macros.set(element.getAttribute('name') ?? '', element);
    if (element.localName === 'citation') citation = element;
  }
  if (!citation) return undefined;
  // Name options are inherited from the style and the citation elements, and reached through the macros called.
  const symbol = (element: Element) => element.getAttribute('and') === 'symbol';
  let uses = symbol(root) || symbol(citation);
  const seen = new Set<Element>();
  const pending: Element[] = [citation];
  for (let element = pending.pop(); element && !uses; element = pending.pop()) {
    for (const node of [element, ...Array.from(element.getElementsByTagName('*'))]) {
      if (node.localName === 'name' && symbol(node)) uses = true;
      const macro = macros.get(node.getAttribute('macro') ?? '');
      if (macro && !seen.has(macro)) seen.add(macro), pending.push(macro);
    }
  }
  // The narrative engine formats citations only, so the bibliography's names may change with them.
  return uses ? xml.replace(/\band="symbol"/g, 'and="text"') : undefined;
}
