/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Register Folio's part of the footnotes before pagination starts. Folio writes each note as a `span.footnote` in
 * a hidden store at its chapter's end (no HTML parser keeps a `<p>` inside a paragraph); this handler moves each
 * note right after its marker's `<sup>`, where Paged.js's `float: footnote` finds it while laying out that line
 * and takes it to the page foot (continuing it on the next page when it does not fit). A `<span>` is copied whole
 * by Paged.js, so a note's paragraphs and lists go down together. After layout, the first piece of each note gets
 * its id back (Paged.js renames it `note-…`), so the marker's link leads to it.
 */
export function registerFootnotes(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;

  /** How many lines of `block` come after the line holding `call` and lie beyond the page (in Paged.js's overflow columns). */
  function linesAfter(call: Element, block: Element, right: number): number {
    const range = document.createRange();
    range.setStartAfter(call);
    range.setEnd(block, block.childNodes.length);
    const lines = new Set<string>();
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0 && rect.left > right) lines.add(`${Math.round(rect.left / 50)}:${Math.round(rect.top)}`);
    }
    return lines.size;
  }

  /** Take `by` pixels from a page's footnote area (and from the note Paged.js cut short in it). */
  function shrinkFootnotes(pageArea: HTMLElement, by: number): void {
    const height = parseFloat(pageArea.style.getPropertyValue('--pagedjs-footnotes-height')) || 0;
    pageArea.style.setProperty('--pagedjs-footnotes-height', `${Math.max(0, height - by)}px`);
    const inner = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
    if (inner?.style.height) inner.style.height = `${Math.max(0, parseFloat(inner.style.height) - by)}px`;
  }

  /** Shrink a page's footnote area to the notes left in it (never grow it: the text is laid out already). */
  function fitFootnotes(pageArea: HTMLElement): void {
    const content = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_content');
    const inner = content?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
    if (!content || !inner) return;
    if (!inner.querySelector('.footnote')) {
      pageArea.style.setProperty('--pagedjs-footnotes-height', '0px');
      inner.style.removeProperty('height');
      content.classList.add('pagedjs_footnote_empty');
      return;
    }
    const style = getComputedStyle(content);
    const extra = ['marginTop', 'marginBottom', 'paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, key) => sum + (parseFloat(style[key as 'marginTop']) || 0), 0);
    // Measured without the height Paged.js gave a note it cut short (scrollHeight is never less than that).
    const cut = inner.style.height;
    inner.style.removeProperty('height');
    const needed = Math.ceil(inner.scrollHeight + extra);
    const current = parseFloat(pageArea.style.getPropertyValue('--pagedjs-footnotes-height')) || 0;
    if (needed < current) pageArea.style.setProperty('--pagedjs-footnotes-height', `${needed}px`);
    else inner.style.height = cut;
  }

  /**
   * Give a note Paged.js has just placed for `call` the room its marker's line needs (see `renderNode` below).
   * `right` is the right edge of the page's text: what lies beyond it is in Paged.js's overflow columns.
   */
  function settleCall(call: HTMLElement, pageArea: HTMLElement, inner: HTMLElement, right: number): void {
    const note = inner.querySelector(`.footnote[data-ref="${call.dataset['ref'] ?? ''}"]`);
    // Judged by Folio's marker before the call: an empty call at a line's end stands right at the edge.
    const marker = call.previousElementSibling?.matches('sup') ? call.previousElementSibling : call;
    const offPage = () => marker.getBoundingClientRect().left > right;
    if (!note) return;
    const block = call.parentElement?.closest('p, li, td, th, blockquote, figcaption, dd, dt, h1, h2, h3, h4, h5, h6');
    const lineHeight = parseFloat(getComputedStyle(block ?? call).lineHeight) || 20;
    const cutShort = Boolean(inner.style.height);
    for (let given = 0; offPage() && given < lineHeight + 4; given += 2) shrinkFootnotes(pageArea, 2);
    if (offPage()) {
      note.remove();
      fitFootnotes(pageArea);
      return;
    }
    // Folio's widows rule would carry the marker's line over with the block's last line: give the text room for it,
    // while the note keeps two lines here.
    const after = block ? linesAfter(call, block, right) : 0;
    const widows = block ? parseInt(getComputedStyle(block).getPropertyValue('--widows'), 10) || 1 : 1;
    const room = Math.ceil(after * lineHeight) + 1;
    if (after > 0 && after < widows && (!cutShort || parseFloat(inner.style.height) - room > 2 * lineHeight)) shrinkFootnotes(pageArea, room);
  }

  /** The page's parts a note is placed in, for any element on the page. */
  function noteAreaOf(element: Element): { pageArea: HTMLElement; inner: HTMLElement; right: number } | undefined {
    const pageArea = element.closest<HTMLElement>('.pagedjs_area');
    const text = pageArea?.querySelector('.pagedjs_page_content');
    const inner = pageArea?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
    return pageArea && text && inner ? { pageArea, inner, right: text.getBoundingClientRect().right } : undefined;
  }

  // Paged.js places a note only while it lays out the line holding its call, and only when that line is on the
  // page then. Text that comes onto a page afterwards (the hole a floated figure left, filled by the text after it)
  // would print its notes inline. Paged.js's own footnote handler is extended here, so that Folio can ask it to
  // place those notes late, exactly as it places any other (`window.folioFootnotes.placeLate`).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type HandlerClass = new (...args: any[]) => { renderNode(node: Node): void };
  const handlers = Paged.registeredHandlers as HandlerClass[];
  const pagedIndex = handlers.findIndex((handler) => handler.name === 'Footnotes');
  const PagedFootnotes = handlers[pagedIndex];
  if (PagedFootnotes) {
    let current: InstanceType<HandlerClass> | undefined;
    handlers[pagedIndex] = class FootnotesPlacedLate extends PagedFootnotes {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      constructor(...args: any[]) {
        super(...args);
        current = this;
      }
    };
    (window as unknown as { folioFootnotes?: unknown }).folioFootnotes = {
      /**
       * Place at the page foot the notes of text that now stands on the page of `rendered` (its content) but was
       * laid out beyond it. Returns a function that takes them back (when the change that brought the text up is
       * undone), or nothing when there were none.
       */
      placeLate(rendered: Element): (() => void) | undefined {
        const parts = noteAreaOf(rendered);
        if (!current || !parts) return undefined;
        const before = new Set(rendered.querySelectorAll('a[data-footnote-call]'));
        const height = parts.pageArea.style.getPropertyValue('--pagedjs-footnotes-height');
        const innerHeight = parts.inner.style.height;
        current.renderNode(rendered);
        const placed = [...rendered.querySelectorAll<HTMLElement>('a[data-footnote-call]')].filter((call) => !before.has(call));
        if (placed.length === 0) return undefined;
        for (const call of placed) settleCall(call, parts.pageArea, parts.inner, parts.right);
        return () => {
          for (const call of placed) {
            const note = parts.inner.querySelector(`.footnote[data-ref="${call.dataset['ref'] ?? ''}"]`);
            // Back where Paged.js found it, right after its call, which goes: laid out again, it finds it again.
            if (note) {
              note.removeAttribute('id');
              note.removeAttribute('data-footnote-marker');
              note.setAttribute('data-break-before', 'avoid');
              call.after(note);
            }
            call.remove();
          }
          parts.pageArea.style.setProperty('--pagedjs-footnotes-height', height);
          if (innerHeight) parts.inner.style.height = innerHeight;
          else parts.inner.style.removeProperty('height');
          if (!parts.inner.querySelector('.footnote')) parts.inner.parentElement?.classList.add('pagedjs_footnote_empty');
        };
      },
    };
  }

  class PlaceFootnotes extends Paged.Handler {
    beforeParsed(content: DocumentFragment): void {
      // Each note's first marker, found in one pass over the markers.
      const markers = new Map<string, Element>();
      for (const marker of content.querySelectorAll('a[data-footnote-ref]')) {
        const id = marker.getAttribute('href')?.slice(1) ?? '';
        if (!markers.has(id)) markers.set(id, marker);
      }
      for (const store of content.querySelectorAll('.footnote-store')) {
        for (const note of [...store.querySelectorAll<HTMLElement>(':scope > .footnote')]) {
          // A note nobody refers to has no page to stand on: it stays in the store, and the lost-text check names it.
          markers.get(note.dataset['noteId'] ?? '')?.closest('sup')?.after(note);
        }
        if (store.children.length === 0) store.remove();
      }
    }

    /**
     * Paged.js gives a note that does not fit all the room down to its marker, measured to the bottom of the
     * marker's letters; the line box reaches lower (its leading), so the marker's line itself no longer fitted
     * and went to the next page, leaving the room empty. Give the note back room, a little at a time, until the
     * marker's line is on the page again. A marker whose line was beyond the page already (a paragraph is placed
     * whole, then cut) takes its note along to the next page.
     */
    renderNode(clone: Node): void {
      if (clone.nodeType !== 1) return;
      const element = clone as Element;
      const calls = element.matches('a[data-footnote-call]') ? [element as HTMLElement] : [...element.querySelectorAll<HTMLElement>('a[data-footnote-call]')];
      const parts = calls.length > 0 ? noteAreaOf(element) : undefined;
      if (!parts) return;
      for (const call of calls) settleCall(call, parts.pageArea, parts.inner, parts.right);
    }

    /** When lines holding markers went to the next page with their notes, give the room the notes no longer need back. */
    afterOverflowRemoved(_removed: Node, rendered: Element): void {
      const pageArea = rendered.closest<HTMLElement>('.pagedjs_area');
      if (pageArea) fitFootnotes(pageArea);
    }

    afterRendered(): void {
      for (const note of document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .footnote[data-note-id]:not([data-split-from])')) {
        note.id = note.dataset['noteId'] ?? note.id;
      }
    }
  }

  Paged.registerHandlers(PlaceFootnotes);
}
