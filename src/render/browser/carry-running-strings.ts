/* Runs inside the page after pagination, serialised by Puppeteer: self-contained. */

/**
 * The running strings (`string-set`, such as the report title in the running head) as they stand after the last
 * page: Paged.js keeps them on each page as `--pagedjs-string-{first,last,start,first-except}-NAME` properties.
 * @returns each string's value, as the CSS literal Paged.js writes
 */
export function runningStringsAtEnd(): Record<string, string> {
  const pages = document.querySelectorAll<HTMLElement>('.pagedjs_page');
  const last = pages[pages.length - 1];
  const strings: Record<string, string> = {};
  if (!last) return strings;
  for (const property of Array.from(last.style)) {
    const name = /^--pagedjs-string-last-(.+)$/.exec(property)?.[1];
    if (name) strings[name] = last.style.getPropertyValue(property);
  }
  return strings;
}

/**
 * Start one part of a split document with the running strings the parts before it left, as Paged.js would have
 * carried them over in the whole: the pages before the part sets a string again take the value carried in, and
 * get their margin boxes sized again (Paged.js sizes them to their content when it finishes a page).
 * @param carried the strings at the end of the previous part
 */
export async function carryRunningStrings(carried: Record<string, string>): Promise<void> {
  const empty = '"';
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  const changed = new Set<number>();
  for (const [name, value] of Object.entries(carried)) {
    if (value.trim() === empty) continue;
    const get = (page: HTMLElement, kind: string) => page.style.getPropertyValue(`--pagedjs-string-${kind}-${name}`).trim();
    for (const page of pages) {
      if (get(page, 'last') !== empty && get(page, 'last') !== '') {
        // The page where the part sets the string again: before that element, the carried value still stands.
        if (get(page, 'start') === empty) {
          page.style.setProperty(`--pagedjs-string-start-${name}`, value);
          changed.add(pages.indexOf(page));
        }
        break;
      }
      for (const kind of ['first', 'last', 'start', 'first-except']) page.style.setProperty(`--pagedjs-string-${kind}-${name}`, value);
      changed.add(pages.indexOf(page));
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const chunker = (window as any).PagedPolyfill.chunker;
  for (const index of changed) {
    const page = chunker.pages[index];
    await chunker.hooks.finalizePage.trigger(page.element, page, undefined, chunker);
  }
}
