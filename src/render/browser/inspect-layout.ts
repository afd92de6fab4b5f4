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
  /** Where the page's first passage in a right-to-left script comes from (`chapter.md:22`), when it holds one. */
  arabicSource?: string;
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

/** Describe the laid-out pages: their numbers, named pages, headings, fingerprints and manuscript lines. */
export function inspectLayout(): { pages: PageSummary[] } {
  // FNV-1a over the page's markup, without Paged.js's per-run ids (UUIDs): equal pages, equal fingerprints.
  const fingerprint = (text: string) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return (hash >>> 0).toString(16);
  };
  const pageElements = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];

  // The first manuscript line on a page, so a fault found in the PDF can be traced to what the author wrote.
  const lineOf = (block: HTMLElement | null | undefined) => {
    const chapter = block?.closest<HTMLElement>('[data-source]')?.dataset['source'];
    return block && chapter ? `${chapter}:${block.dataset['line']}` : undefined;
  };
  const sourceOf = (page: Element): { source?: string; arabicSource?: string } => {
    const source = lineOf(page.querySelector<HTMLElement>('[data-line]'));
    // Text in Arabic script is set right to left (rehype-text-direction): what is said about it names its line.
    const arabicSource = lineOf(page.querySelector('[data-line] [dir="rtl"], [data-line][dir="rtl"]')?.closest<HTMLElement>('[data-line]'));
    return { ...(source ? { source } : {}), ...(arabicSource ? { arabicSource } : {}) };
  };

  const pages = pageElements.map((page) => ({
    number: Number(page.dataset['pageNumber']),
    names: [...page.classList].filter((name) => /^pagedjs_[\w-]+_page$/.test(name) && name !== 'pagedjs_named_page' && !name.endsWith('_first_page')).map((name) => name.slice(8, -5)),
    headings: [...page.querySelectorAll('h1[id], h2[id], h3[id]')].map((heading) => heading.id),
    fingerprint: fingerprint(page.innerHTML.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')),
    ...sourceOf(page),
  }));
  return { pages };
}
