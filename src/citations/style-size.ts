import { expandedSize } from '../xml/expanded-size.js';
import { parseXml } from '../xml/parse-xml.js';

/**
 * How many CSL elements a style runs for one entry, each macro call expanded (a macro calling itself counts as
 * endless). citeproc-js expands macros as it formats, synchronously: forty macros each calling the one before
 * twice ask it for 2⁴⁰ steps, and the build would hang where no Ctrl-C reaches it. Undefined if not XML.
 * @param xml the style's text
 */
export function styleSize(xml: string): number | undefined {
  const root = parseXml(xml)?.documentElement;
  if (!root) return undefined;
  const macros = new Map<string, Element>();
  for (let child = root.firstChild; child; child = child.nextSibling) {
    const element = child as Element;
    if (child.nodeType === 1 && element.localName === 'macro') macros.set(element.getAttribute('name') ?? '', element);
  }
  return expandedSize((element) => {
    const called = element.getAttribute('macro');
    const macro = called ? macros.get(called) : undefined;
    return macro ? [{ element: macro, times: 1 }] : [];
  })(root);
}
