/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Register the Paged.js handler for floating figures (`:::figure{float}`, class `figure-float`); any other figure
 * that would leave its page more than a third empty is set a little smaller where that fits it, and floats where it
 * does not. The notes of the text that rises into its place go to that page's foot. Paged.js 0.4.3 has
 * no page floats: a figure that does not fit in the room left on its page goes to the next page with all the text
 * after it, leaving a hole. Here, when the page overflows at such a figure, the figure is taken off the page, the
 * text after it fills the page, and a copy of the figure (ids and `data-ref` kept, so contents, references and
 * the text count find it) opens the next page.
 *
 * It moves only when it cannot go wrong: something stands above it on its page, the text after it still overflows
 * the page without it (so the next page continues the same flow: no chapter or forced break in between), no other
 * figure would come before it, and the page's break stays after the place it left. One figure waits at a time.
 */
export function registerFloatingFigures(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paged = (window as any).Paged;
  interface Layout {
    findOverflow(rendered: Element, bounds: DOMRect): Range | undefined;
    hooks: { onOverflow: { triggerSync(...args: unknown[]): unknown[] } };
  }

  /**
   * How much of the page the content before `element` leaves empty (0 to 1): the lowest line or box of this page
   * (Paged.js puts what overflows in columns to the right of the page, which do not count).
   */
  function emptyAbove(element: Element, rendered: Element, bounds: DOMRect): number {
    const before = document.createRange();
    before.setStart(rendered, 0);
    before.setEndBefore(element);
    let bottom = bounds.top;
    for (const rect of before.getClientRects()) if (rect.height > 0 && rect.left < bounds.right - 1) bottom = Math.max(bottom, rect.bottom);
    return (bounds.bottom - bottom) / bounds.height;
  }

  /**
   * The figure the overflow starts at (or just before) that may float: one marked `{float}`, or any other figure
   * that would leave its page more than a third empty (not a landscape one, which has a page of its own).
   */
  function figureAt(range: Range, rendered: Element, bounds: DOMRect): HTMLElement | undefined {
    let node: Node | null = range.startContainer;
    if (node.nodeType === 1 && range.startOffset < node.childNodes.length) node = node.childNodes[range.startOffset] ?? node;
    while (node && node.nodeType === 3 && (node.textContent ?? '').trim() === '' && node.nextSibling) node = node.nextSibling;
    const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
    const figure = element?.closest<HTMLElement>('figure');
    // A figure whose caption holds a note stays: Paged.js places notes only from what it lays out itself.
    if (!figure || !rendered.contains(figure) || figure.hasAttribute('data-floated') || figure.querySelector('.footnote')) return undefined;
    if (figure.matches('.figure-float')) return figure;
    return !figure.closest('.landscape') && emptyAbove(figure, rendered, bounds) > 1 / 3 ? figure : undefined;
  }

  /** A figure may be set this much smaller to fit the room left on its page, and no smaller. */
  const smallest = 0.7;

  /**
   * A figure that cannot float (nothing after it could fill its page: another figure, the chapter's end) is set a
   * little smaller, down to 70 % of its height, when that lets it stand in the room left on its page, as a designer
   * would size it. Its picture keeps its proportions. Returns the break after it, or nothing when it cannot fit.
   */
  function shrinkToFit(figure: HTMLElement, rendered: Element, bounds: DOMRect, layout: Layout): Range | undefined {
    const images = figure.querySelectorAll<HTMLElement>('img');
    const image = images[0];
    if (images.length !== 1 || !image || figure.closest('.landscape')) return undefined;
    // The room below what stands above it, less the margin between them (collapsed: the larger of the two).
    const gap = Math.max(parseFloat(getComputedStyle(figure).marginTop) || 0, figure.previousElementSibling ? parseFloat(getComputedStyle(figure.previousElementSibling).marginBottom) || 0 : 0);
    const room = emptyAbove(figure, rendered, bounds) * bounds.height - gap;
    const whole = figure.getBoundingClientRect().height;
    const picture = image.getBoundingClientRect().height;
    const height = Math.floor(picture - (whole - room)) - 2;
    if (picture <= 0 || height < picture * smallest) return undefined;
    image.style.maxHeight = `${height}px`;
    const after = layout.findOverflow(rendered, bounds);
    // It fits only if the page now breaks after it; otherwise it keeps its size and goes overleaf after all.
    if (after && after.comparePoint(figure, 0) === -1 && !figure.contains(after.startContainer)) {
      figure.setAttribute('data-shrunk', `${Math.round((height / picture) * 100)}`);
      return after;
    }
    image.style.removeProperty('max-height');
    return undefined;
  }

  class FloatingFigures extends Paged.Handler {
    /** The source of the figure waiting for the top of the next page, and the page it left. */
    waiting: { source: Element; from: Element | null } | undefined;
    /** Set while the other handlers are asked about the new break, so this one stays out of it. */
    asking = false;

    onOverflow(overflow: Range | undefined, rendered: Element, bounds: DOMRect, layout: Layout): Range | undefined {
      if (!overflow || this.asking || this.waiting) return undefined;
      const figure = figureAt(overflow, rendered, bounds);
      // A figure at the head of its page (Paged.js puts what overflows in columns to the right of the page) stays.
      // Its first fragment: a figure that starts on this page and runs on into the next column spans both.
      const box = figure?.getClientRects()[0];
      if (!figure || !box || (box.left < bounds.right && box.top <= bounds.top + 1)) return undefined;
      // A figure the author let float moves; any other that would leave a hole is first set a little smaller, if
      // that fits it in, and moves only when it does not.
      const floats = figure.matches('.figure-float');
      const shrunk = floats ? undefined : shrinkToFit(figure, rendered, bounds, layout);
      if (shrunk) return shrunk;
      const ref = figure.dataset['ref'];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const source: Element | null = ref ? (this as any).chunker?.source?.querySelector(`[data-ref="${ref}"]`) : null;
      if (!source || !figure.parentNode) return undefined;
      const slot = document.createComment('floated figure');
      figure.parentNode.insertBefore(slot, figure);
      figure.remove();
      // The text that rises into the hole brings its note calls: their notes go to this page's foot, as Paged.js
      // would have placed them (register-footnotes.ts). Without that help, a figure with note calls after it stays.
      const notes = (window as unknown as { folioFootnotes?: { placeLate(rendered: Element): (() => void) | undefined } }).folioFootnotes;
      let takeNotesBack: (() => void) | undefined;
      let moved: Range | undefined;
      try {
        takeNotesBack = notes?.placeLate(rendered);
        moved = layout.findOverflow(rendered, bounds);
        // The other handlers (orphans and widows) have their say on the new break.
        if (moved) {
          this.asking = true;
          for (const answer of layout.hooks.onOverflow.triggerSync(moved, rendered, bounds, layout)) if (answer) moved = answer as Range;
        }
        const rises = (element: Element) => Boolean(slot.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) && moved?.comparePoint(element, 0) === -1;
        const figureBefore = [...rendered.querySelectorAll('figure')].some(rises);
        const callsLeftInline = !notes && [...rendered.querySelectorAll('.note-call')].some(rises);
        if (!moved || moved.comparePoint(slot, 0) !== -1 || figureBefore || callsLeftInline) moved = undefined;
      } catch {
        moved = undefined;
      } finally {
        this.asking = false;
      }
      if (moved) this.waiting = { source, from: rendered.closest('.pagedjs_page') };
      else {
        takeNotesBack?.();
        slot.parentNode?.insertBefore(figure, slot);
      }
      slot.remove();
      return moved ?? (floats ? shrinkToFit(figure, rendered, bounds, layout) : undefined);
    }

    renderNode(clone: Node): void {
      if (!this.waiting) return;
      const element = clone.nodeType === 1 ? (clone as Element) : clone.parentElement;
      const page = element?.closest('.pagedjs_page');
      const content = page?.querySelector('.pagedjs_page_content > div');
      if (!page || !content || page === this.waiting.from) return;
      // At the top of the page, inside the nearest of its containers laid out here (a chapter's section).
      let holder: Element = content;
      for (let ancestor = this.waiting.source.parentElement; ancestor; ancestor = ancestor.parentElement) {
        const ref = ancestor.getAttribute('data-ref');
        const found = ref ? content.querySelector(`[data-ref="${ref}"]`) : null;
        if (found) {
          holder = found;
          break;
        }
      }
      const copy = this.waiting.source.cloneNode(true) as Element;
      copy.setAttribute('data-floated', '');
      holder.insertBefore(copy, holder.firstChild);
      this.waiting = undefined;
    }
  }

  Paged.registerHandlers(FloatingFigures);
}
