/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/** One laid-out page, as the layout checks and tests see it. */
export interface PageSummary {
  number: number;
  /** Named pages it belongs to: cover, front, contents, chapter, back-cover. */
  names: string[];
  /** Ids of the headings that start on it. */
  headings: string[];
  /** A fingerprint of what the page shows, to tell which pages an edit changed. */
  fingerprint: string;
  /** Where in the manuscript the page's text comes from (`chapter.md:12`), when it holds chapter text. */
  source?: string;
  /** The page area inside the margins (running heads and folios lie outside it), in CSS pixels from the page's top left. */
  area?: PageBox;
  /** Decorative images (alt="", aria-hidden), whose drawing is an artifact, in the same units. */
  decorative?: PageBox[];
}

/** A rectangle on the page in CSS pixels from its top left corner. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Describe the pages and find what a typesetter would fix: a heading left alone at a page foot, a paragraph that
 * leaves fewer than `orphans` lines before a break or fewer than `widows` after it. Checked on where things
 * really landed, because Paged.js and Chromium do not always honour the CSS.
 */
export function inspectLayout(): { pages: PageSummary[]; issues: string[] } {
  const issues: string[] = [];
  // FNV-1a over the page's markup, without Paged.js's per-run ids (UUIDs): equal pages, equal fingerprints.
  const fingerprint = (text: string) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return (hash >>> 0).toString(16);
  };
  const pageElements = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  const describe = (element: Element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').replace(/\u00AD/g, '').trim().slice(0, 50)}"`;

  const lines = (element: Element) => {
    const style = getComputedStyle(element);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops: number[] = [];
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0 && !tops.some((top) => Math.abs(top - rect.top) < lineHeight / 2)) tops.push(rect.top);
    }
    return tops.length;
  };

  // The first manuscript line on a page, so a fault found in the PDF can be traced to what the author wrote.
  const sourceOf = (page: Element): { source?: string } => {
    const first = page.querySelector<HTMLElement>('[data-line]');
    const chapter = first?.closest<HTMLElement>('[data-source]')?.dataset['source'];
    return first && chapter ? { source: `${chapter}:${first.dataset['line']}` } : {};
  };

  // Boxes relative to the page, which Chromium prints as one PDF page from its top left corner.
  const boxesOf = (page: Element): { area?: PageBox; decorative: PageBox[] } => {
    const origin = page.getBoundingClientRect();
    const box = (element: Element): PageBox => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left - origin.left, top: rect.top - origin.top, right: rect.right - origin.left, bottom: rect.bottom - origin.top };
    };
    const area = page.querySelector('.pagedjs_area');
    // Not role none: mark-structure gives that to Paged.js's wrappers, which hold every page's real content.
    const decorative = [...page.querySelectorAll('img[alt=""], [aria-hidden="true"]')].map(box);
    return area ? { area: box(area), decorative } : { decorative };
  };

  const pages = pageElements.map((page) => {
    const number = Number(page.dataset['pageNumber']);
    const area = page.querySelector('.pagedjs_page_content');
    if (area) {
      // The last thing on the page, walking into last children: a heading there is stranded.
      let last: Element | null = area.lastElementChild;
      while (last && last.lastElementChild && !/^H[1-6]$/.test(last.tagName) && getComputedStyle(last).display !== 'inline') {
        last = last.lastElementChild;
      }
      const next = pageElements[pageElements.indexOf(page) + 1];
      if (last && /^H[1-6]$/.test(last.tagName) && next && !next.className.includes('back-cover')) {
        issues.push(`page ${number}: heading ${describe(last)} stands alone at the foot of the page`);
      }
      for (const split of area.querySelectorAll('p[data-split-to], li[data-split-to]')) {
        const count = lines(split);
        const orphans = parseInt(getComputedStyle(split).getPropertyValue('--orphans'), 10) || 1;
        if (count < orphans) issues.push(`page ${number}: ${describe(split)} leaves ${count} line at the page foot (orphan)`);
      }
      for (const split of area.querySelectorAll('p[data-split-from], li[data-split-from]')) {
        if ((split.textContent ?? '').trim() === '') continue;
        const count = lines(split);
        const widows = parseInt(getComputedStyle(split).getPropertyValue('--widows'), 10) || 1;
        if (count < widows) {
          issues.push(`page ${number}: ${describe(split)} carries ${count} line over to the page head (widow)`);
        }
      }
    }
    return {
      number,
      names: [...page.classList].filter((name) => /^pagedjs_[\w-]+_page$/.test(name) && name !== 'pagedjs_named_page' && !name.endsWith('_first_page')).map((name) => name.slice(8, -5)),
      headings: [...page.querySelectorAll('h1[id], h2[id], h3[id]')].map((heading) => heading.id),
      fingerprint: fingerprint(page.innerHTML.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')),
      ...sourceOf(page),
      ...boxesOf(page),
    };
  });
  return { pages, issues };
}
