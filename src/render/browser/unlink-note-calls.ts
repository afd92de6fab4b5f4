/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * Take the link off each note call Paged.js inserts before a footnote it places. The call is empty (Folio's own
 * marker prints the number and links to the note), so it was a link with no name in the tab order (WCAG 2.4.4,
 * axe-core's `link-name`), which a screen reader announces as "link" and nothing more.
 * @returns how many calls were unlinked
 */
export function unlinkNoteCalls(): number {
  const calls = document.querySelectorAll('a[data-footnote-call]');
  for (const call of Array.from(calls)) {
    call.removeAttribute('href');
    call.setAttribute('aria-hidden', 'true');
  }
  return calls.length;
}
