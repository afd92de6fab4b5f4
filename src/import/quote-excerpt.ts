/**
 * A short quotation of a piece of the draft for a message: whitespace collapsed, cut at a word after `max` letters.
 * @param text the text to quote
 * @param max how many letters at most
 */
export function quoteExcerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return `“${flat}”`;
  const cut = flat.slice(0, max).replace(/\s+\S*$/, '');
  return `“${cut || flat.slice(0, max)}…”`;
}
