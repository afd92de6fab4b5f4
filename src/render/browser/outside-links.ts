/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/** A link whose target is not in this document: where it is drawn (CSS pixels on its page) and what it points to. */
export interface OutsideLink {
  page: number;
  target: string;
  rects: { x: number; y: number; width: number; height: number }[];
}

/** The internal links (`#id`) of one part of a split document whose targets are in another part. */
export function outsideLinks(): OutsideLink[] {
  const links: OutsideLink[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.pagedjs_pages a[href^="#"]')) {
    const target = decodeURIComponent(link.getAttribute('href')?.slice(1) ?? '');
    const page = link.closest<HTMLElement>('.pagedjs_page');
    if (!target || !page || document.getElementById(target)) continue;
    const origin = page.getBoundingClientRect();
    const rects = [...link.getClientRects()]
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => ({ x: rect.left - origin.left, y: rect.top - origin.top, width: rect.width, height: rect.height }));
    if (rects.length > 0) links.push({ page: Number(page.dataset['pageNumber']), target, rects });
  }
  return links;
}
