import { DOMParser } from '@xmldom/xmldom';

/**
 * Parse XML an author or a program supplied (a Word part, an SVG, a CSL style) with @xmldom/xmldom, the parser
 * mammoth itself uses, which expands no entity and reads no file; XML that is not well-formed gives `undefined`.
 * @param text the XML
 * @param type how to read it (`image/svg+xml` for an SVG)
 */
export function parseXml(text: string, type: 'application/xml' | 'image/svg+xml' = 'application/xml'): Document | undefined {
  let broken = false;
  const onError = () => {
    broken = true;
  };
  const document = new DOMParser({ errorHandler: { warning: () => undefined, error: onError, fatalError: onError } }).parseFromString(text, type);
  return broken || !document.documentElement ? undefined : (document as unknown as Document);
}
