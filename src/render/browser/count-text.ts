/* Runs inside the page, serialised by Puppeteer: self-contained. */

/**
 * Count the letters and digits of the report by where they come from, either in the document before pagination
 * or, with `paginated`, only those a reader can see on the pages: inside a page's content or footnote area on
 * every side (right-to-left text can run out to the left, a bottom-aligned box off the top), not clipped by a box
 * around them, not hidden, transparent or too small to read. A key with fewer letters on the pages than in the
 * document lost text: Paged.js leaves out or clips what it cannot fit (a table row taller than a page), and CSS
 * can hide what it should not. Manuscript blocks are keyed by chapter and line (`data-source`, `data-line`),
 * notes by their own key (`data-note-key`, wherever they stand), and the parts made from report.yaml (cover, title
 * page, disclaimer, back cover) by part.
 * @param paginated count what is visible on the laid-out pages instead of the document
 */
export function countText(paginated: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  const isLetter = /[\p{L}\p{N}]/u;
  const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length;
  const scope = paginated ? document.querySelector('.pagedjs_pages') : document.body;
  if (!scope) return counts;

  const keyOf = (element: Element): string => {
    // A note is counted apart from the paragraph holding its marker, wherever it stands.
    const note = element.closest<HTMLElement>('[data-note-key]');
    if (note) return `${note.dataset['noteKey'] ?? '?'} (note)`;
    let block: HTMLElement | null = element.closest<HTMLElement>('[data-source] [data-line]');
    for (let outer = block?.parentElement?.closest<HTMLElement>('[data-source] [data-line]'); outer; outer = outer.parentElement?.closest<HTMLElement>('[data-source] [data-line]')) block = outer;
    const chapter = element.closest<HTMLElement>('[data-source]')?.dataset['source'];
    if (block) return `${chapter ?? '?'}:${block.dataset['line'] ?? '?'} (${block.tagName.toLowerCase()})`;
    if (chapter) return `${chapter} (notes and other text without a line)`;
    const part = element.closest('section[class], nav[class], aside[class]');
    return `report.yaml (${part?.classList[0] ?? 'front matter'})`;
  };

  // Where an element's text can be seen: its page's content area cut down by every box around it that clips.
  const visibleBox = new Map<Element, DOMRect | null>();
  const boxOf = (element: Element): DOMRect | null => {
    if (visibleBox.has(element)) return visibleBox.get(element) ?? null;
    let box: DOMRect | null;
    const style = getComputedStyle(element);
    const hidden =
      !element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ||
      parseFloat(style.fontSize) < 4 ||
      /rgba\([^)]*,\s*0\)$/.test(style.color) ||
      style.color === 'transparent';
    if (hidden) box = null;
    else if (element.classList.contains('pagedjs_area') || element.classList.contains('pagedjs_footnote_area')) box = element.getBoundingClientRect();
    else {
      const outer = element.parentElement ? boxOf(element.parentElement) : null;
      box = outer && style.overflow !== 'visible' ? intersect(outer, element.getBoundingClientRect()) : outer;
    }
    visibleBox.set(element, box);
    return box;
  };
  const intersect = (a: DOMRect, b: DOMRect) => {
    const left = Math.max(a.left, b.left);
    const top = Math.max(a.top, b.top);
    return new DOMRect(left, top, Math.max(0, Math.min(a.right, b.right) - left), Math.max(0, Math.min(a.bottom, b.bottom) - top));
  };
  // A text box is as tall as its font's ascent and descent, which may overhang a tight line: its middle must be in.
  const inside = (rect: DOMRect, box: DOMRect) => {
    const overhang = rect.height * 0.2;
    return rect.height > 0 && rect.left >= box.left - 1 && rect.right <= box.right + 1 && rect.top + overhang >= box.top - 1 && rect.bottom - overhang <= box.bottom + 1;
  };

  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    // Repeated table headers are copies, screen-reader labels are meant to be unseen, and code is no text.
    if (!parent || !isLetter.test(text) || parent.closest('[data-repeated-header], .sr-only, head, script, style, noscript, template')) continue;
    const key = keyOf(parent);
    if (!paginated) {
      counts[key] = (counts[key] ?? 0) + letters(text);
      continue;
    }
    const box = boxOf(parent);
    let count = 0;
    if (box) {
      range.selectNodeContents(node);
      if (inside(range.getBoundingClientRect(), box)) count = letters(text);
      else {
        // Partly out of sight: count the characters that can be seen.
        for (let i = 0; i < text.length; i += 1) {
          if (!isLetter.test(text[i] ?? '')) continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          if (inside(range.getBoundingClientRect(), box)) count += 1;
        }
      }
    }
    counts[key] = (counts[key] ?? 0) + count;
  }
  return counts;
}
