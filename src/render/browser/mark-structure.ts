/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/** An element marked as an article for the finishing step: what it stands for, and the note it is or calls. */
export interface Beacon {
  readonly kind: 'Sect' | 'Contents' | 'Note' | 'NoteCall' | 'Art';
  readonly note?: string | undefined;
  /** For the continuation of a note split across pages: how many nested levels continue (the note, its paragraph). */
  readonly continues?: number | undefined;
}

/** What Chromium cannot write into the tagged PDF by itself, for the finishing step to rewrite (see `pdf/structure/`). */
export interface StructureHints {
  /**
   * The elements marked as articles, in document order (Chromium writes each as one `Art` element, in the same
   * order): what each stands for.
   */
  readonly beacons: readonly Beacon[];
  /**
   * For each page in order, how many nested elements at its top continue an element split from the page before
   * (a chapter, then a list, then a list item): that many levels of the previous page's last elements and this
   * page's first are one element each.
   */
  readonly continued: readonly number[];
  /**
   * The target of each link Chromium writes a Link element for, in document order: the id an internal link
   * (`#id`) leads to, `null` for any other. The finishing step pairs each link between parts with its own Link
   * element by target (see `tagPartLinks`).
   */
  readonly links: readonly (string | null)[];
}

/**
 * Make Chromium's accessibility tree, from which it tags the PDF, hold the report and not the page boxes: Paged.js's
 * wrappers (page, sheet, area, the `main` cut on every page) become `role="none"`, so their content hangs from the
 * document; margin boxes (running heads, folios), crop marks and the header rows repeated on a table's continued
 * pages are hidden from it, so they are painted untagged and become artifacts; a `<figure>` becomes a group, so its
 * image is the one Figure with the manuscript's alt text and its caption sits beside it. Sections, the contents,
 * notes and note calls are marked as articles, so the finishing step finds them in the PDF, and the pages' split
 * elements are counted, so it joins their pieces. Nothing here changes how the pages look.
 * @returns the hints the finishing step needs
 */
export function markStructure(): StructureHints {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_pages > .pagedjs_page')];
  const hide = (element: Element) => element.setAttribute('aria-hidden', 'true');
  const none = (element: Element) => element.setAttribute('role', 'none');
  const article = (element: Element) => element.setAttribute('role', 'article');
  // Elements Chromium writes no structure element for: table row groups, and what is made role none or hidden.
  const silent = (element: Element) => ['TBODY', 'THEAD', 'TFOOT'].includes(element.tagName) || element.getAttribute('role') === 'none';
  // How many nested elements, from this one inward along first children, continue a piece on the page before.
  const splitDepth = (start: Element | null | undefined) => {
    let depth = 0;
    for (let element = start; element?.hasAttribute('data-split-from'); ) {
      if (!silent(element)) depth += 1;
      element = [...element.children].find((child) => child.getAttribute('aria-hidden') !== 'true');
    }
    return depth;
  };
  const continued: number[] = [];
  const pagesBox = document.querySelector('.pagedjs_pages');
  if (pagesBox) none(pagesBox);
  for (const page of pages) {
    none(page);
    for (const element of page.querySelectorAll('.pagedjs_bleed, .pagedjs_pagebox > :not(.pagedjs_area), [data-repeated-header]')) hide(element);
    // Every element Paged.js made around the content (the manuscript's elements all carry data-ref).
    for (const element of page.querySelectorAll('*')) if (!element.hasAttribute('data-ref') && !element.closest('[data-ref]') && element.getAttribute('aria-hidden') !== 'true') none(element);
    const root = page.querySelector('.pagedjs_page_content > div');
    for (const top of root?.children ?? []) {
      if (top.tagName === 'MAIN') {
        none(top);
        for (const section of top.children) if (section.tagName === 'SECTION') article(section);
      } else if (top.tagName === 'NAV') article(top);
      else if (top.tagName === 'SECTION') article(top);
    }
    for (const figure of page.querySelectorAll('figure')) figure.setAttribute('role', 'group');
    for (const note of page.querySelectorAll('.pagedjs_footnote_area [data-note]')) article(note);
    for (const call of page.querySelectorAll('.note-call')) if (call.querySelector('a[href^="#"]')) article(call);
    continued.push(splitDepth(root?.firstElementChild));
  }
  const marked = [...document.querySelectorAll('.pagedjs_pages [role="article"], .pagedjs_pages article:not([role])')].filter((element) => !element.closest('[aria-hidden="true"]'));
  const beacons = marked.map((element): Beacon => {
    if (element.getAttribute('role') !== 'article') return { kind: 'Art' };
    if (element.tagName === 'NAV') return { kind: 'Contents' };
    if (element.hasAttribute('data-note')) {
      // A note's pieces share its data-ref; the first piece keeps the id its call points to.
      const original = document.querySelector(`[data-note][data-ref="${CSS.escape(element.getAttribute('data-ref') ?? '')}"]`) ?? element;
      return { kind: 'Note', note: original.id, continues: element.hasAttribute('data-split-from') ? splitDepth(element) : undefined };
    }
    if (element.classList.contains('note-call')) return { kind: 'NoteCall', note: element.querySelector('a')?.getAttribute('href')?.slice(1) };
    return { kind: 'Sect' };
  });
  // Paged.js's empty note calls lose their link before printing (unlink-note-calls.ts): Chromium tags no Link for them.
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.pagedjs_pages a[href]:not([data-footnote-call])')]
    .filter((link) => !link.closest('[aria-hidden="true"]'))
    .map((link) => (link.getAttribute('href')?.startsWith('#') ? decodeURIComponent(link.getAttribute('href')?.slice(1) ?? '') : null));
  return { beacons, continued, links };
}
