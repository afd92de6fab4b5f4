/**
 * Styles for ordinary text, body and table cells, that Word and LibreOffice give paragraphs on their own: read as
 * plain paragraphs without a word (mammoth's own map knows only `Normal`).
 */
export const ordinaryStyles: ReadonlySet<string> = new Set([
  // LibreOffice: its body text (Text Body in older versions), first-line indents, table cells, lists.
  'Body Text',
  'Text Body',
  'First line indent',
  'Table Heading',
  'Table Contents',
  'List Contents',
  // Word: body text variants, pasted web text, tables and lists.
  'Body Text 2',
  'Body Text 3',
  'Body Text First Indent',
  'Normal (Web)',
  'Table Paragraph',
  'List Paragraph',
  'No Spacing',
  // pandoc's .docx writer.
  'First Paragraph',
  'Compact',
]);

/** A paragraph of mammoth's document model, as far as its style goes. */
interface StyledElement {
  type?: string;
  styleId?: string | null;
  styleName?: string | null;
  children?: StyledElement[];
  /** A note's or a comment's paragraphs. */
  body?: StyledElement[];
  /** The document's footnotes and endnotes, which mammoth keeps beside its children (by key, in `_notes`). */
  notes?: { _notes?: Record<string, StyledElement> };
}

/**
 * A mammoth `transformDocument` that reads paragraphs in an ordinary style as unstyled ones, so that mammoth's own
 * rules apply to them: a bulleted one stays a list item, a numbered heading a heading. (A style-map line for them
 * would come before mammoth's rules and win over both.) A style the user's style map names is left to it.
 * @param styleMap the style-map lines in use
 */
export function plainOrdinaryParagraphs(styleMap: readonly string[]): (element: StyledElement) => StyledElement {
  const mapped = new Set(styleMap.flatMap((line) => Array.from(line.matchAll(/style-name='([^']*)'/g), (match) => match[1] ?? '')));
  const transform = (element: StyledElement): StyledElement => {
    const children = element.children?.map(transform);
    element.body?.forEach(transform);
    Object.values(element.notes?._notes ?? {}).forEach(transform);
    const plain = element.type === 'paragraph' && element.styleName && ordinaryStyles.has(element.styleName) && !mapped.has(element.styleName);
    return Object.assign(element, children && { children }, plain && { styleId: null, styleName: null });
  };
  return transform;
}
