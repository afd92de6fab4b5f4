import type { Element, ElementContent } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import type { FootnoteDefinition, FootnoteReference, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';

// mammoth writes note references as <sup><a href="#footnote-1">[1]</a></sup> and the notes as
// <ol><li id="footnote-1">… <a href="#footnote-ref-1">↑</a></li></ol> at the end.
const noteReference = /^#((?:foot|end)note)-(\d+)$/;
const noteItem = /^((?:foot|end)note)-(\d+)$/;
const backLink = /^#(?:foot|end)note-ref-\d+$/;

/** Note identifiers during conversion; chapters number their notes afresh when the draft is split. */
function noteId(kind: string, number: string): string {
  return `${kind === 'endnote' ? 'e' : 'f'}${number}`;
}

/** rehype-remark handlers for what mammoth makes of Word's notes and Folio's mapped styles. */
export const wordHandlers: Record<string, Handle> = {
  sup(state, node) {
    const link = node.children.length === 1 && node.children[0]?.type === 'element' ? node.children[0] : undefined;
    const match = link?.tagName === 'a' ? noteReference.exec(String(link.properties['href'] ?? '')) : null;
    if (!match) return state.all(node);
    const identifier = noteId(match[1] ?? '', match[2] ?? '');
    const reference: FootnoteReference = { type: 'footnoteReference', identifier, label: identifier };
    return reference;
  },
  ol(state, node) {
    const items = node.children.filter((child): child is Element => child.type === 'element');
    if (items.length === 0 || !items.every((item) => noteItem.test(String(item.properties['id'] ?? '')))) return defaultHandlers.ol(state, node);
    return items.map((item) => {
      const [, kind = '', number = ''] = noteItem.exec(String(item.properties['id'])) ?? [];
      const identifier = noteId(kind, number);
      const definition: FootnoteDefinition = { type: 'footnoteDefinition', identifier, label: identifier, children: state.toFlow(state.all(withoutBackLinks(item))) };
      return definition;
    });
  },
  div(state, node) {
    if (!classes(node).includes('takeaways')) return defaultHandlers.div(state, node);
    const isLabel = (child: ElementContent): child is Element => child.type === 'element' && classes(child).includes('label');
    const label = node.children.find(isLabel);
    const directive: ContainerDirective = { type: 'containerDirective', name: 'takeaways', attributes: {}, children: state.toFlow(state.all({ ...node, children: node.children.filter((child) => !isLabel(child)) })) };
    // The box's title is its label, written `:::takeaways[Title]`.
    if (label) directive.children.unshift({ type: 'paragraph', data: { directiveLabel: true }, children: state.all(label) as Paragraph['children'] });
    return directive;
  },
  br(state: State, node: Element) {
    // A line break inside a GFM table cell must stay on the row's line.
    return state.inTable ? { type: 'html', value: '<br>' } : defaultHandlers.br(state, node);
  },
};

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function withoutBackLinks(item: Element): Element {
  const strip = (node: Element): Element => ({
    ...node,
    children: node.children
      .filter((child) => !(child.type === 'element' && child.tagName === 'a' && backLink.test(String(child.properties['href'] ?? ''))))
      .map((child) => (child.type === 'element' ? strip(child) : child)),
  });
  return strip(item);
}
