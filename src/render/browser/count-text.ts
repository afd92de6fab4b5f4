/* Runs inside the page, serialised by Puppeteer: self-contained. */

/**
 * Count the letters and digits of each manuscript block (`data-source` chapter + `data-line`), either in the
 * document before pagination or, with `paginated`, summed over what is visible inside the pages' content areas.
 * A block with fewer letters on the pages than in the document lost text in the layout: Paged.js leaves out, or
 * clips, what it cannot fit, such as a table row taller than a page.
 * @param paginated count the laid-out pages instead of the document
 */
export function countText(paginated: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length;
  const scope = paginated ? document.querySelector('.pagedjs_pages') : document.body;
  for (const block of scope?.querySelectorAll<HTMLElement>('[data-source] [data-line]') ?? []) {
    if (block.parentElement?.closest('[data-line]')) continue;
    const key = `${block.closest<HTMLElement>('[data-source]')?.dataset['source'] ?? '?'}:${block.dataset['line'] ?? '?'} (${block.tagName.toLowerCase()})`;
    const area = paginated ? block.closest('.pagedjs_area')?.getBoundingClientRect() : undefined;
    let count = 0;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('[data-repeated-header]')) continue;
      const text = node.textContent ?? '';
      if (!area) {
        count += letters(text);
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.bottom <= area.bottom + 1 && box.right <= area.right + 1) {
        count += letters(text);
        continue;
      }
      // Partly outside the page: count the characters that are inside it.
      for (let i = 0; i < text.length; i += 1) {
        if (!/[\p{L}\p{N}]/u.test(text[i] ?? '')) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.height > 0 && rect.bottom <= area.bottom + 1 && rect.right <= area.right + 1) count += 1;
      }
    }
    counts[key] = (counts[key] ?? 0) + count;
  }
  return counts;
}
