import { anchorOf, is, ns, wAttribute } from './word-xml.js';

/** A Word field (a page number, a cross-reference, a date, the table of contents) and the text it last showed. */
export interface Field {
  /** The field's type, the first word of its instruction: `TOC`, `PAGEREF`, `DATE`, … */
  readonly kind: string;
  /** The text Word last showed for it. */
  readonly result: string;
  /** The element that opens it. */
  readonly begin: Element;
  /** Replace the paragraphs that show its result (a table of contents) with one paragraph. */
  removeResult(replacement: Element): void;
}

/**
 * Every field of a part, simple (`w:fldSimple`) or complex (`w:fldChar` begin … separate … end), outermost first.
 * @param document the part
 */
export function findFields(document: Document): Field[] {
  const fields: Field[] = [];
  const open: { begin: Element; instruction: string; result: string; showing: boolean }[] = [];
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    const top = open.at(-1);
    if (is(element, 'w', 'fldSimple')) {
      fields.push(field(element, element, wAttribute(element, 'instr'), element.textContent ?? ''));
    } else if (is(element, 'w', 'fldChar')) {
      const type = wAttribute(element, 'fldCharType');
      if (type === 'begin') open.push({ begin: element, instruction: '', result: '', showing: false });
      else if (type === 'separate' && top) top.showing = true;
      else if (type === 'end' && top) {
        open.pop();
        fields.push(field(top.begin, element, top.instruction, top.result));
      }
    } else if (top && is(element, 'w', 'instrText') && !top.showing) {
      top.instruction += element.textContent ?? '';
    } else if (top?.showing && is(element, 'w', 't')) {
      for (const each of open) if (each.showing) each.result += element.textContent ?? '';
    }
  }
  return fields.reverse();
}

function field(begin: Element, end: Element, instruction: string, result: string): Field {
  return {
    kind: instruction.trim().split(/\s+/)[0]?.toUpperCase() ?? '',
    result,
    begin,
    removeResult(replacement) {
      const first = anchorOf(begin)?.paragraph;
      const last = anchorOf(end)?.paragraph;
      if (!first || !last || first.parentNode !== last.parentNode) return;
      // Word and LibreOffice wrap a contents in a content control with its title: it goes whole.
      const control = first.parentNode?.parentNode;
      if (is(first.parentNode, 'w', 'sdtContent') && control && Array.from((control as Element).getElementsByTagNameNS(ns.w, 'docPartGallery')).some((part) => wAttribute(part, 'val') === 'Table of Contents')) {
        control.parentNode?.replaceChild(replacement, control);
        return;
      }
      first.parentNode?.insertBefore(replacement, first);
      for (let node: Node | null = first; node; ) {
        const next: Node | null = node === last ? null : node.nextSibling;
        node.parentNode?.removeChild(node);
        node = next;
      }
    },
  };
}
