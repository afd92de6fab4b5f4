/** What an element refers to, to be expanded where it stands, and how many times. */
export interface Reference {
  readonly element: Element;
  readonly times: number;
}

/**
 * How many elements an XML tree holds once every reference is expanded where it stands (an SVG's `<use>` and
 * markers, a CSL style's macro calls), each shared part counted at every use. A reference that leads back to an
 * element still being counted is a loop: endless (Infinity). Parsers and renderers expand such references without
 * a bound, so a few hundred bytes can ask for trillions of steps; this counts them without expanding anything.
 * @param referred what an element refers to (elements its own children aside)
 * @param limit stop counting an element's parts once it passes this many
 * @returns the count for any element of the tree, remembered across calls
 */
export function expandedSize(referred: (element: Element) => Iterable<Reference>, limit = Infinity): (element: Element) => number {
  const sizes = new Map<Element, number>();
  const counting = new Set<Element>();
  const size = (element: Element): number => {
    const known = sizes.get(element);
    if (known !== undefined) return known;
    if (counting.has(element)) return Infinity;
    counting.add(element);
    let total = 1;
    for (const { element: target, times } of referred(element)) {
      total += size(target) * times;
      if (total > limit) break;
    }
    for (let child = element.firstChild; child && total <= limit; child = child.nextSibling) {
      if (child.nodeType === 1) total += size(child as Element);
    }
    counting.delete(element);
    sizes.set(element, total);
    return total;
  };
  return size;
}
