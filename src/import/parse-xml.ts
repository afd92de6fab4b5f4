import { DOMParser } from '@xmldom/xmldom';

/**
 * Parse one XML part of a Word package with the parser mammoth itself uses; a broken part gives `undefined`.
 * @param text the part's XML
 */
export function parseXml(text: string): Document | undefined {
  let broken = false;
  const onError = () => {
    broken = true;
  };
  const document = new DOMParser({ errorHandler: { warning: () => undefined, error: onError, fatalError: onError } }).parseFromString(text, 'application/xml');
  return broken ? undefined : (document as unknown as Document);
}
