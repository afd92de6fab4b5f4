/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */

/**
 * What every fault finder needs to read the laid-out pages: the pages, their numbers and chapters, the manuscript
 * line an element comes from, and the line boxes of an element or of a page.
 */
export function pageTools() {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  const numberOf = (page: Element) => Number((page as HTMLElement).dataset['pageNumber']);
  const pageOf = (element: Element) => element.closest<HTMLElement>('.pagedjs_page');
  const area = (page: Element) => page.querySelector<HTMLElement>('.pagedjs_page_content');
  /** The chapter a page's text belongs to (`data-chapter` of the section it shows), if any. */
  const chapterOf = (page: Element) => page.querySelector<HTMLElement>('.pagedjs_page_content [data-chapter]')?.dataset['chapter'];
  /** `chapter.md:12` for the manuscript block an element is in (or the first one inside it). */
  const sourceOf = (element: Element): string | undefined => {
    // A contents entry stands for the heading it links to.
    const entry = element.closest('.toc') ? element.querySelector<HTMLAnchorElement>('a[href^="#"]') : null;
    const heading = entry ? document.getElementById(decodeURIComponent(entry.hash.slice(1))) : null;
    if (heading && !heading.closest('.toc')) return sourceOf(heading);
    const block = element.closest<HTMLElement>('[data-line]') ?? element.querySelector<HTMLElement>('[data-line]');
    const chapter = (block ?? element).closest<HTMLElement>('[data-source]')?.dataset['source'];
    return block && chapter ? `${chapter}:${block.dataset['line'] ?? '1'}` : undefined;
  };
  /** Tops of the line boxes of the text in a node (one per line), in order. */
  const lineTops = (node: Node, tolerance = 4) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops: number[] = [];
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0 && !tops.some((top) => Math.abs(top - rect.top) < tolerance)) tops.push(rect.top);
    }
    return tops.sort((a, b) => a - b);
  };
  /** The bottom of the lowest thing laid out in a page's content area: a line of text or a box (the wrappers Paged.js puts round a page's content fill it whole, so they do not count). */
  const usedBottom = (page: Element) => {
    const content = area(page);
    let bottom = content?.getBoundingClientRect().top ?? 0;
    if (!content) return bottom;
    const range = document.createRange();
    range.selectNodeContents(content);
    for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0 && rect.height < 200) bottom = Math.max(bottom, rect.bottom);
    for (const element of content.querySelectorAll('img, svg, table, pre, hr, figure, blockquote, li, p')) {
      const rect = element.getBoundingClientRect();
      if (rect.height > 0) bottom = Math.max(bottom, rect.bottom);
    }
    return bottom;
  };
  /** The named pages a page belongs to (chapter, landscape, …), as one string. */
  const namesOf = (page: Element) => [...page.classList].filter((name) => /^pagedjs_[\w-]+_page$/.test(name) && !/_(left|right|first|blank|named)_page$/.test(name)).sort().join(' ');
  /**
   * Whether a split element's text ends on this page where a nested block (a sub-list, a second paragraph) begins
   * overleaf: its last line here ends its text, so it must not be justified across the measure.
   */
  const endsBeforeBlock = (element: HTMLElement) => {
    const ref = element.dataset['ref'];
    if (!ref) return false;
    // Its next piece is on the next page (looked up there only: the whole document for each would be quadratic).
    const page = pageOf(element);
    const next = page?.nextElementSibling?.querySelector(`[data-ref="${CSS.escape(ref)}"]`);
    const first = [...(next?.childNodes ?? [])].find((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '');
    return first?.nodeType === 1 && !/^(inline|contents|none)/.test(getComputedStyle(first as Element).display);
  };
  const describe = (element: Element) => `“${(element.textContent ?? '').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().slice(0, 40)}”`;
  return { pages, numberOf, pageOf, area, chapterOf, sourceOf, lineTops, usedBottom, namesOf, endsBeforeBlock, describe };
}

/** The tools, as the finders receive them. */
export type PageTools = ReturnType<typeof pageTools>;
