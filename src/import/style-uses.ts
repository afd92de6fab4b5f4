import type JSZip from 'jszip';
import { markerPattern } from './loss-marker.js';
import { parseXml } from '../xml/parse-xml.js';
import { ns, textOf, wAttribute } from './word-xml.js';

/** Where a style is used in the draft's text: how many paragraphs (or runs), and the text of the first. */
export interface StyleUses {
  readonly count: number;
  readonly first: string;
}

/**
 * The paragraphs (or runs) of the draft's body in a style, found by its style ID as mammoth names it.
 * @param zip the Word package
 * @param kind `paragraph` (`w:pStyle`) or `run` (`w:rStyle`)
 * @param styleId the style's ID
 */
export async function styleUses(zip: JSZip, kind: 'paragraph' | 'run', styleId: string): Promise<StyleUses> {
  const text = await zip.file('word/document.xml')?.async('string');
  const document = text ? parseXml(text) : undefined;
  const tag = kind === 'paragraph' ? 'pStyle' : 'rStyle';
  const holders = Array.from(document?.getElementsByTagNameNS(ns.w, tag) ?? [])
    .filter((style) => wAttribute(style, 'val') === styleId)
    // w:pStyle sits in w:pPr of its w:p, w:rStyle in w:rPr of its w:r.
    .map((style) => style.parentNode?.parentNode as Element | null)
    .filter((holder): holder is Element => Boolean(holder));
  const first = holders.map((holder) => textOf(holder, 'w', 't').replace(markerPattern, '').trim()).find(Boolean) ?? '';
  return { count: holders.length, first };
}
