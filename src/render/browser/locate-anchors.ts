/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/** Where an element landed: its page's number and its position on the page, in CSS pixels from the top left. */
export interface AnchorPlace {
  page: number;
  x: number;
  y: number;
}

/**
 * Where the elements with these ids landed, for those that are in this document.
 * @param ids the ids to look for
 */
export function locateAnchors(ids: string[]): Record<string, AnchorPlace> {
  const places: Record<string, AnchorPlace> = {};
  for (const id of ids) {
    const element = document.getElementById(id);
    const page = element?.closest<HTMLElement>('.pagedjs_page');
    if (!element || !page) continue;
    const box = element.getBoundingClientRect();
    const origin = page.getBoundingClientRect();
    places[id] = { page: Number(page.dataset['pageNumber']), x: box.left - origin.left, y: box.top - origin.top };
  }
  return places;
}
