/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Take out the soft hyphens that did not break a line, so that the PDF's text layer holds each word whole (search,
 * copy and read-aloud find "future", not "fu\u00ADture"); the hyphens that break a line stay and print. Every
 * hyphen is measured before any text changes, so the page is laid out once; an unused break point changes nothing
 * on the page (the shaper ignores it), so the pages look exactly as before.
 * @returns how many soft hyphens were removed and how many break lines
 */
export function removeUnusedSoftHyphens(): { removed: number; kept: number } {
  const walker = document.createTreeWalker(document.querySelector('.pagedjs_pages') ?? document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const rect = (node: Text, offset: number) => {
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return range.getBoundingClientRect();
  };
  // Lower by more than half a letter: a line lower (glyph boxes can be taller than a heading's line height).
  const lower = (node: Text, start: number, end: number, than: DOMRect) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].some((box) => box.width > 0 && box.top > than.top + than.height / 2);
  };
  const changes: { node: Text; text: string }[] = [];
  let removed = 0;
  let kept = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    if (!data.includes('\u00AD')) continue;
    let text = '';
    for (let index = 0; index < data.length; index += 1) {
      const char = data[index];
      if (char !== '\u00AD') {
        text += char;
        continue;
      }
      // A used soft hyphen sends the letters after it, up to the next break point (or the word's end, after a
      // one-letter syllable), a line lower. Chromium reports the letter right after such a break at the end of the
      // line before, so it is skipped. Unsure: kept.
      const rest = data.slice(index + 2);
      const tail = /^[^\s\u00AD]+/.exec(rest)?.[0].length ?? /^\S*/.exec(rest)?.[0].length ?? 0;
      const breaks = index === 0 || tail === 0 || lower(node, index + 2, index + 2 + tail, rect(node, index - 1));
      if (breaks) {
        text += char;
        kept += 1;
      } else removed += 1;
    }
    if (text !== data) changes.push({ node, text });
  }
  for (const { node, text } of changes) node.data = text;
  return { removed, kept };
}
