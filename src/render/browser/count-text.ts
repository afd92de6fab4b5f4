/* Runs inside the page, serialised by Puppeteer: self-contained. */

/**
 * Count the letters and digits of each manuscript block (`data-source` chapter + `data-line`) and of each note
 * (`data-note-key`), either in the document before pagination or, with `paginated`, summed over what is visible
 * inside the pages' content and footnote areas. A block with fewer letters on the pages than in the document lost
 * text in the layout: Paged.js leaves out, or clips, what it cannot fit, such as a table row taller than a page.
 * A note's letters are counted apart from the paragraph holding its marker, wherever the note stands.
 * @param paginated count the laid-out pages instead of the document
 */
export function countText(paginated: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  const isLetter = (character: string) => /[\p{L}\p{N}]/u.test(character);
  const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length;

  /** Letters of `element` (without its notes), only those inside `area` when one is given. */
  const visibleLetters = (element: Element, area: DOMRect | undefined): number => {
    let count = 0;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent?.closest('[data-repeated-header]')) continue;
      if (parent?.closest('[data-note-key]') !== element.closest('[data-note-key]')) continue;
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
        if (!isLetter(text[i] ?? '')) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.height > 0 && rect.bottom <= area.bottom + 1 && rect.right <= area.right + 1) count += 1;
      }
    }
    return count;
  };

  const scope = paginated ? document.querySelector('.pagedjs_pages') : document.body;
  for (const block of scope?.querySelectorAll<HTMLElement>('[data-source] [data-line]') ?? []) {
    if (block.parentElement?.closest('[data-line]')) continue;
    const key = `${block.closest<HTMLElement>('[data-source]')?.dataset['source'] ?? '?'}:${block.dataset['line'] ?? '?'} (${block.tagName.toLowerCase()})`;
    const area = paginated ? block.closest('.pagedjs_area')?.getBoundingClientRect() : undefined;
    counts[key] = (counts[key] ?? 0) + visibleLetters(block, area);
  }
  for (const note of scope?.querySelectorAll<HTMLElement>('[data-note-key]') ?? []) {
    const key = `${note.dataset['noteKey'] ?? '?'} (note)`;
    const area = paginated ? (note.closest('.pagedjs_footnote_content') ?? note.closest('.pagedjs_area'))?.getBoundingClientRect() : undefined;
    counts[key] = (counts[key] ?? 0) + visibleLetters(note, area);
  }
  return counts;
}
