import type JSZip from 'jszip';
import { parseXml } from '../xml/parse-xml.js';

/** What Word's File › Properties holds that report.yaml has a place for. */
export interface DocumentProperties {
  readonly title?: string;
  readonly subject?: string;
  readonly creator?: string;
  readonly keywords?: readonly string[];
  readonly language?: string;
}

const namespaces = {
  dc: 'http://purl.org/dc/elements/1.1/',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
};

/**
 * Read the document properties from docProps/core.xml, which mammoth does not look at.
 * @param zip the Word package
 */
export async function readProperties(zip: JSZip): Promise<DocumentProperties> {
  const text = await zip.file('docProps/core.xml')?.async('string');
  const document = text ? parseXml(text) : undefined;
  if (!document) return {};
  const read = (namespace: string, name: string) => document.getElementsByTagNameNS(namespace, name)[0]?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  const keywords = read(namespaces.cp, 'keywords')
    ?.split(/[,;]/)
    .map((keyword) => keyword.trim())
    .filter(Boolean);
  return withoutEmpty({
    title: read(namespaces.dc, 'title'),
    subject: read(namespaces.dc, 'subject'),
    creator: read(namespaces.dc, 'creator'),
    keywords: keywords?.length ? keywords : undefined,
    language: read(namespaces.dc, 'language'),
  });
}

function withoutEmpty<T extends object>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
