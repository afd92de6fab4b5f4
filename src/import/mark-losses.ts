import { XMLSerializer } from '@xmldom/xmldom';
import type JSZip from 'jszip';
import { findFields } from './find-fields.js';
import { marker, type ImportRule, type Loss } from './loss-marker.js';
import { parseXml } from '../xml/parse-xml.js';
import { quoteExcerpt } from './quote-excerpt.js';
import { anchorOf, is, ns, textOf, wAttribute } from './word-xml.js';

// The parts whose text mammoth converts; headers and footers it leaves out (Folio sets its own running heads).
const parts = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/**
 * Find what mammoth would drop or change without a word (tracked changes, comments, text boxes, SmartArt and
 * charts, equations, fields) and leave a marker run where each one was, so that the import report can name the
 * line of the new manuscript that holds its place. Rewrites the parts in `zip`.
 * @param zip the Word package (changed in place)
 */
export async function markLosses(zip: JSZip): Promise<Loss[]> {
  const losses: Loss[] = [];
  const comments = await readComments(zip);
  for (const part of parts) {
    const text = await zip.file(part)?.async('string');
    const document = text ? parseXml(text) : undefined;
    if (!document) continue;
    const anchored = new Set<Element>();
    const boxes = new Map<Element, number>();
    const add = (element: Element, rule: ImportRule, reason: string, once = false) => {
      const anchor = anchorOf(element);
      if (once && anchor) {
        if (anchored.has(anchor.child)) return;
        anchored.add(anchor.child);
      }
      const id = losses.length + 1;
      losses.push({ id, rule, reason });
      if (anchor) anchor.paragraph.insertBefore(markerRun(document, id), anchor.child);
    };
    for (const element of Array.from(document.getElementsByTagName('*'))) {
      if ((is(element, 'w', 'ins') || is(element, 'w', 'moveTo')) && hasRuns(element)) {
        add(element, 'import-tracked-change', `A tracked insertion by ${author(element)} was kept, as tracked changes are taken as accepted; check it: ${quoteExcerpt(textOf(element, 'w', 't'))}`);
      } else if ((is(element, 'w', 'del') || is(element, 'w', 'moveFrom')) && hasRuns(element)) {
        add(element, 'import-tracked-change', `A tracked deletion by ${author(element)} was left out, as tracked changes are taken as accepted: ${quoteExcerpt(textOf(element, 'w', 'delText') || textOf(element, 'w', 't'))}`);
      } else if (is(element, 'w', 'commentReference')) {
        const comment = comments.get(wAttribute(element, 'id'));
        add(element, 'import-comment', `A comment${comment ? ` by ${comment.author}` : ''} was not carried over; act on it or pass it on: ${quoteExcerpt(comment?.text ?? '')}`);
      } else if (is(element, 'w', 'txbxContent')) {
        // Word keeps a text box twice (a drawing and a fallback for old readers): both copies get the same marker,
        // at the start of the box's own text, so the report names the line where its text landed.
        const key = anchorOf(element)?.child ?? element;
        let id = boxes.get(key);
        if (id === undefined) {
          id = losses.length + 1;
          losses.push({ id, rule: 'import-text-box', reason: `A text box was carried over as ordinary text after the paragraph it was anchored to; move it where it belongs, or make it a :::takeaways box: ${quoteExcerpt(textOf(element, 'w', 't'))}` });
          boxes.set(key, id);
        }
        const first = element.getElementsByTagNameNS(ns.w, 'p')[0];
        first?.insertBefore(markerRun(document, id), Array.from(first.childNodes).find((child) => !is(child, 'w', 'pPr')) ?? null);
      } else if (is(element, 'a', 'graphicData')) {
        const uri = element.getAttribute('uri') ?? '';
        if (uri.endsWith('/diagram')) add(element, 'import-drawing', 'A SmartArt diagram was not carried over: save it from Word as a picture (right-click › Save as Picture, PNG) into images/ and add it here as an image.', true);
        else if (uri.endsWith('/chart')) add(element, 'import-drawing', 'A chart was not carried over: save it from Word as a picture (PNG) into images/ and add it here as an image.', true);
      } else if (is(element, 'm', 'oMathPara') || (is(element, 'm', 'oMath') && !is(element.parentNode, 'm', 'oMathPara'))) {
        add(element, 'import-equation', `An equation was not carried over, as Folio has no equation layout; write it as text or add it as an image: ${quoteExcerpt(textOf(element, 'm', 't'))}`);
      }
    }
    for (const field of findFields(document)) {
      // Links are carried over, Folio numbers figures itself, and the fields of a removed contents went with it.
      if (field.kind === 'HYPERLINK' || field.kind === 'SEQ' || !attached(field.begin)) continue;
      if (field.kind === 'TOC') {
        const id = losses.length + 1;
        losses.push({ id, rule: 'import-field', reason: "Word's table of contents was left out: Folio makes its own contents page from the chapter headings." });
        field.removeResult(markerParagraph(document, id));
      } else {
        add(field.begin, 'import-field', `A ${field.kind} field was carried over as the text Word last showed, which will not update; check it: ${quoteExcerpt(field.result)}`);
      }
    }
    zip.file(part, new XMLSerializer().serializeToString(document as unknown as Node));
  }
  const margins = await marginText(zip);
  if (margins) losses.push({ id: losses.length + 1, rule: 'import-header-footer', reason: `The draft's headers and footers were left out, as Folio sets its own running heads and page numbers: ${quoteExcerpt(margins)}` });
  return losses;
}

/** The text of the draft's headers and footers, which mammoth does not read. */
async function marginText(zip: JSZip): Promise<string> {
  const parts = zip.file(/^word\/(?:header|footer)\d*\.xml$/);
  const texts = await Promise.all(parts.map(async (part) => {
    const document = parseXml(await part.async('string'));
    return document ? textOf(document.documentElement, 'w', 't').trim() : '';
  }));
  return [...new Set(texts.filter(Boolean))].join(' · ');
}

/** Tracked changes to paragraph marks or table rows hold no runs: only those that change text are reported. */
function hasRuns(element: Element): boolean {
  return element.getElementsByTagNameNS(ns.w, 'r').length > 0;
}

function attached(node: Node): boolean {
  let top = node;
  while (top.parentNode) top = top.parentNode;
  return top.nodeType === 9;
}

function author(element: Element): string {
  return wAttribute(element, 'author') || 'someone';
}

function markerRun(document: Document, id: number): Element {
  const run = document.createElementNS(ns.w, 'w:r');
  const text = document.createElementNS(ns.w, 'w:t');
  text.appendChild(document.createTextNode(marker(id)));
  run.appendChild(text);
  return run;
}

function markerParagraph(document: Document, id: number): Element {
  const paragraph = document.createElementNS(ns.w, 'w:p');
  paragraph.appendChild(markerRun(document, id));
  return paragraph;
}

async function readComments(zip: JSZip): Promise<Map<string, { author: string; text: string }>> {
  const text = await zip.file('word/comments.xml')?.async('string');
  const document = text ? parseXml(text) : undefined;
  const comments = new Map<string, { author: string; text: string }>();
  for (const comment of Array.from(document?.getElementsByTagNameNS(ns.w, 'comment') ?? [])) {
    const paragraphs = Array.from(comment.getElementsByTagNameNS(ns.w, 'p'), (paragraph) => textOf(paragraph, 'w', 't'));
    comments.set(wAttribute(comment, 'id'), { author: wAttribute(comment, 'author') || 'someone', text: paragraphs.join(' ') });
  }
  return comments;
}
