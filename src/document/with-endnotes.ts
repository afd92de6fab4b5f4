import type { Element } from 'hast';

/**
 * The report's chapters with its closing "Notes" chapter (report endnotes) where the back matter has it: before a
 * chapter that holds nothing but the bibliography under its title (Chicago 1.4: appendixes, notes, bibliography),
 * at the end otherwise. Each chapter is numbered again in `data-chapter`, in the order they now stand.
 * @param chapters the chapters, in order
 * @param endnotes the "Notes" chapter, if the report has one
 */
export function withEndnotes(chapters: readonly Element[], endnotes: Element | undefined): Element[] {
  const ordered = [...chapters];
  if (endnotes) {
    const references = ordered.findIndex(holdsOnlyBibliography);
    ordered.splice(references >= 0 ? references : ordered.length, 0, endnotes);
  }
  ordered.forEach((chapter, index) => {
    chapter.properties['dataChapter'] = String(index + 1);
  });
  return ordered;
}

/** A chapter whose elements are its title and the bibliography (a `# References` over `:::bibliography`, say). */
function holdsOnlyBibliography(chapter: Element): boolean {
  const elements = chapter.children.filter((node): node is Element => node.type === 'element');
  return elements.length === 2 && elements[0]?.tagName === 'h1' && isBibliography(elements[1]);
}

function isBibliography(node: Element | undefined): boolean {
  if (!node) return false;
  if (node.properties['dataBibliography'] !== undefined) return true;
  // `:::bibliography` in a chapter of its own may stand inside its directive's wrapper.
  const inner = node.children.filter((child): child is Element => child.type === 'element');
  return inner.length === 1 && isBibliography(inner[0]);
}
