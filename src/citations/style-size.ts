import { DOMParser } from '@xmldom/xmldom';

/**
 * How many CSL elements a style runs for one entry, each macro call expanded (a macro calling itself counts as
 * endless). citeproc-js expands macros as it formats, synchronously: forty macros each calling the one before
 * twice ask it for 2⁴⁰ steps, and the build would hang where no Ctrl-C reaches it. Undefined if not XML.
 * @param xml the style's text
 */
export function styleSize(xml: string): number | undefined {
  let broken = false;
  const onError = () => {
    broken = true;
  };
  const root = new DOMParser({ errorHandler: { warning: () => undefined, error: onError, fatalError: onError } }).parseFromString(xml, 'application/xml').documentElement;
  if (broken || !root) return undefined;
  const macros = new Map<string, Element>();
  for (let child = root.firstChild; child; child = child.nextSibling) {
    const element = child as unknown as Element;
    if (child.nodeType === 1 && element.localName === 'macro') macros.set(element.getAttribute('name') ?? '', element);
  }
  const sizes = new Map<Element, number>();
  const open = new Set<Element>();
  const size = (element: Element): number => {
    const known = sizes.get(element);
    if (known !== undefined) return known;
    if (open.has(element)) return Infinity;
    open.add(element);
    let total = 1;
    const called = element.getAttribute('macro');
    const macro = called ? macros.get(called) : undefined;
    if (macro) total += size(macro);
    for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) total += size(child as unknown as Element);
    open.delete(element);
    sizes.set(element, total);
    return total;
  };
  return size(root as unknown as Element);
}
