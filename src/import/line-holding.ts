/** Letters and digits only, lower-cased: Markdown's escapes and emphasis do not change it. */
function bare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The number of the first line of a Markdown text that holds the start of a paragraph of the draft, if one does.
 * @param markdown the chapter
 * @param paragraph the draft's paragraph (its first forty letters are looked for)
 */
export function lineHolding(markdown: string, paragraph: string): number | undefined {
  const start = bare(paragraph).slice(0, 40);
  if (!start) return undefined;
  const index = markdown.split('\n').findIndex((line) => bare(line).includes(start));
  return index === -1 ? undefined : index + 1;
}
