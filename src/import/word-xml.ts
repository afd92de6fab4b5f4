/** Namespaces of WordprocessingML and the drawing and math markup inside it. */
export const ns = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
} as const;

/**
 * Whether an element is `prefix:name` in its namespace, whatever prefix the file uses.
 * @param node the node
 * @param space namespace key
 * @param name local name
 */
export function is(node: Node | null, space: keyof typeof ns, name: string): boolean {
  return node?.nodeType === 1 && (node as Element).namespaceURI === ns[space] && (node as Element).localName === name;
}

/**
 * The concatenated text of the given descendants (`w:t`, `w:delText`, `m:t`, `w:instrText`) of an element.
 * @param element where to look
 * @param space namespace key of the text elements
 * @param name their local name
 */
export function textOf(element: Element, space: keyof typeof ns, name: string): string {
  return Array.from(element.getElementsByTagNameNS(ns[space], name), (node) => node.textContent ?? '').join('');
}

/**
 * A `w:` attribute of an element.
 * @param element the element
 * @param name the attribute's local name
 */
export function wAttribute(element: Element, name: string): string {
  return element.getAttributeNS(ns.w, name) ?? '';
}

/**
 * The outermost paragraph an element sits in (a text box's paragraphs sit inside the paragraph that anchors it),
 * and the child of that paragraph that holds the element: a marker placed before that child lands in the text.
 * @param element the element
 */
export function anchorOf(element: Element): { paragraph: Element; child: Element } | undefined {
  let found: { paragraph: Element; child: Element } | undefined;
  for (let child: Element = element, parent = element.parentNode; parent; child = parent as Element, parent = parent.parentNode) {
    if (is(parent, 'w', 'p')) found = { paragraph: parent as Element, child };
  }
  return found;
}
