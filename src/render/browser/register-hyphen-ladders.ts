/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Register the Paged.js handler that mends a ladder of hyphens: more than two lines in a row of a paragraph ending
 * in a hyphenated word. Hyphenation happens at build time, where nothing is known about lines; here each paragraph
 * is measured once as Paged.js places it on its page (it is laid out then anyway), and where three lines in a row
 * end hyphenated, the soft hyphens of the middle line's last word are taken out, in the page's copy and in Paged.js's
 * source alike (so the offsets its breaks use stay the same), and the paragraph is set again. Only the paragraph
 * changes; what does not mend in three tries is left for the fault finder.
 */
export function registerHyphenLadders(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;
  const range = document.createRange();

  /** The text nodes under a node, in order. */
  function texts(root: Node): Text[] {
    const found: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node as Text);
    return found;
  }

  /** The soft hyphens that end a line, with the line's index: the letters after one stand a line lower. */
  function lineEnds(block: Element): { text: number; index: number; line: number }[] {
    range.selectNodeContents(block);
    const tops: number[] = [];
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0 && !tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
    }
    const ends: { text: number; index: number; line: number }[] = [];
    for (const [text, node] of texts(block).entries()) {
      const data = node.data;
      for (let index = data.indexOf('\u00AD'); index > 0 && index + 2 < data.length; index = data.indexOf('\u00AD', index + 1)) {
        range.setStart(node, index - 1);
        range.setEnd(node, index);
        const before = range.getClientRects()[0];
        // Chromium reports the letter right after a used soft hyphen on the line before: look one further.
        range.setStart(node, index + 2);
        range.setEnd(node, index + 3);
        const after = range.getClientRects()[0];
        if (!before || !after || after.top < before.top + before.height / 2) continue;
        const line = tops.findIndex((top) => Math.abs(top - before.top) < before.height / 2);
        if (line >= 0) ends.push({ text, index, line });
      }
    }
    return ends;
  }

  /** Take the soft hyphens out of the word around `index`. */
  function unhyphenate(node: Text, index: number): void {
    const data = node.data;
    const start = data.slice(0, index).search(/[^\s]*$/);
    const end = index + (/^[^\s]*/.exec(data.slice(index))?.[0].length ?? 0);
    node.data = data.slice(0, start) + data.slice(start, end).replace(/\u00AD/g, '') + data.slice(end);
  }

  class HyphenLadders extends Paged.Handler {
    renderNode(clone: Node, node: Node): void {
      if (clone.nodeType !== 1) return;
      const block = clone as Element;
      if (!block.matches('p, dd, dt, li') || block.closest('td, th, .toc') || block.hasAttribute('data-split-from')) return;
      // Only a paragraph placed whole (its source's text all there): break offsets must stay the same in both.
      const copies = texts(block);
      const sources = texts(node);
      if (copies.length !== sources.length || copies.some((text, i) => text.data !== sources[i]?.data)) return;
      if (copies.reduce((count, text) => count + text.data.split('\u00AD').length - 1, 0) < 3) return;
      for (let tries = 0; tries < 3; tries += 1) {
        const ends = lineEnds(block);
        const middle = ends.find((end, i) => ends[i - 1]?.line === end.line - 1 && ends[i + 1]?.line === end.line + 1);
        if (!middle) return;
        const copy = copies[middle.text];
        const source = sources[middle.text];
        if (!copy || !source) return;
        unhyphenate(copy, middle.index);
        unhyphenate(source, middle.index);
      }
    }
  }

  Paged.registerHandlers(HyphenLadders);
}
