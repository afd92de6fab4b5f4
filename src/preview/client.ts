/* The preview page's own script, served as /__folio/client.js: self-contained. */

/**
 * Lay the report out with Paged.js in the reader's browser, fill the contents numbers, show a status line, and
 * follow the server's events: reload on a new build (coming back to the same place), show the errors of a
 * broken one in the page.
 * @param setup Folio's Paged.js handlers, registered before the layout
 * @param fill fills the contents numbers after it
 */
export function previewClient(setup: () => void, fill: () => unknown): void {
  const place = 'folio-preview-scroll';
  const status = document.createElement('div');
  status.id = 'folio-status';
  const overlay = document.createElement('pre');
  overlay.id = 'folio-errors';
  overlay.hidden = true;

  const showStatus = (text: string) => {
    status.textContent = text;
  };

  window.addEventListener('DOMContentLoaded', async () => {
    const started = performance.now();
    setup();
    await (window as unknown as { PagedPolyfill: { preview(): Promise<unknown> } }).PagedPolyfill.preview();
    fill();
    // Added after the layout, so that Paged.js does not take the preview's own styles for the report's.
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = '/__folio/preview.css';
    const styled = new Promise((resolve) => {
      style.onload = resolve;
      style.onerror = resolve;
    });
    document.head.append(style);
    await styled;
    document.body.append(status, overlay);
    const pages = document.querySelectorAll('.pagedjs_page').length;
    const built = document.querySelector('meta[name="folio-built"]')?.getAttribute('content') ?? '';
    // Paged.js is made for Chromium's layout engine; other browsers lay pages out differently from the PDF.
    const chromium = /Chrome\/|Chromium\/|Edg\//.test(navigator.userAgent);
    showStatus(`${chromium ? '' : 'Open this in Chrome, Chromium or Edge: other browsers lay pages out differently from the PDF. · '}${pages} pages · built in ${built} · laid out in ${Math.round(performance.now() - started)} ms`);
    document.body.dataset['folioPages'] = String(pages);
    const saved = sessionStorage.getItem(place);
    if (saved) window.scrollTo(0, Number(saved));
    document.body.dataset['folioReady'] = 'yes';
  });

  const events = new EventSource('/__folio/events');
  events.addEventListener('built', () => {
    sessionStorage.setItem(place, String(window.scrollY));
    location.reload();
  });
  events.addEventListener('failed', (event) => {
    overlay.textContent = `The manuscript has problems; the pages below are the last good build.\n\n${(event as MessageEvent<string>).data}`;
    overlay.hidden = false;
    document.body.dataset['folioError'] = 'yes';
  });
}
