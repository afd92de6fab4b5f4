/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Mark every page as a draft: a light diagonal DRAFT across the page and the build time at its foot.
 * @param label the text for the page foot, such as "Draft built 2026-11-29 15:40"
 */
export function markDraft(label: string): void {
  for (const page of document.querySelectorAll<HTMLElement>('.pagedjs_page')) {
    const sheet = page.querySelector<HTMLElement>('.pagedjs_sheet') ?? page;
    const mark = document.createElement('div');
    mark.className = 'folio-draft-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = 'DRAFT';
    mark.style.cssText =
      'position:absolute;inset:0;display:flex;align-items:center;justify-content:center;pointer-events:none;z-index:1000;' +
      'font:800 120pt "Source Sans 3",sans-serif;letter-spacing:.1em;color:rgba(200,30,30,.13);transform:rotate(-45deg);';
    const foot = document.createElement('div');
    foot.className = 'folio-draft-label';
    foot.textContent = label;
    // Like the running heads, not part of the report: out of the tagged structure (an artifact).
    foot.setAttribute('aria-hidden', 'true');
    foot.style.cssText =
      'position:absolute;left:0;right:0;bottom:6mm;text-align:center;z-index:1001;font:600 7pt "Source Sans 3",sans-serif;' +
      'letter-spacing:.12em;text-transform:uppercase;color:#c81e1e;';
    sheet.style.position = 'relative';
    sheet.append(mark, foot);
  }
}
