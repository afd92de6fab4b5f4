import JSZip from 'jszip';
import mammoth from 'mammoth';

/**
 * The text of a .docx read independently of `folio import`: its paragraphs and table cells as mammoth's raw-text
 * extraction gives them, and its footnotes and endnotes read from their XML parts, one entry per paragraph.
 * @param bytes the .docx
 */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  const zip = await JSZip.loadAsync(bytes);
  const notes: string[] = [];
  for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    for (const paragraph of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      notes.push(Array.from(paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (match) => match[1]).join(''));
    }
  }
  return [...value.split(/\n+/), ...notes].map((text) => text.trim()).filter(Boolean);
}
