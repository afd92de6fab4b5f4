import { availableParallelism } from 'node:os';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Roughly how much of a page a piece of the document fills, in letters: text counts as itself, a picture as a
 * good part of a page. Only used to balance the parts and to decide whether splitting pays.
 */
const lettersPerPage = 2600;
const lettersPerPicture = 900;
/**
 * Below this many pages per part, another browser context and merging the PDFs cost more than they save (on 2
 * cores, 160 pages took 7.2 s in two parts against 6.9 s whole; 316 pages gain 1.4×).
 */
const pagesPerPart = 100;

/** How many parts to lay the document out in: one per core, when the report is long enough to gain from it. */
export function partsFor(document: Root, cores = availableParallelism()): number {
  const pages = weightOf(document) / lettersPerPage;
  return Math.max(1, Math.min(cores, 4, Math.floor(pages / pagesPerPart)));
}

/**
 * Cut the assembled document into `parts` documents that can be laid out independently and side by side, at
 * chapter boundaries (every chapter starts a new page): the first carries the front matter (covers, title page,
 * contents) and the last the back cover; every part has the whole `<head>`, so it is styled the same. Chapters are
 * shared out in order so that the parts are about equally long.
 * @param document the assembled document
 * @param parts how many parts to make (fewer if there are fewer chapters)
 */
export function splitDocument(document: Root, parts: number): Root[] {
  const html = document.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const body = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'body');
  const mainIndex = body?.children.findIndex((node) => node.type === 'element' && node.tagName === 'main') ?? -1;
  const main = body?.children[mainIndex];
  if (!html || !body || main?.type !== 'element' || parts < 2) return [document];
  const chapters = main.children;
  const before = body.children.slice(0, mainIndex);
  const after = body.children.slice(mainIndex + 1);
  const weigh = (nodes: ElementContent[]) => nodes.reduce((sum, node) => sum + weightOf(node), 0);
  const groups = shareOut(chapters, Math.min(parts, chapters.filter((node) => node.type === 'element').length), weigh(before), weigh(after));
  if (groups.length < 2) return [document];

  return groups.map((group, index) => {
    const partMain: Element = { ...main, children: group };
    const children = [...(index === 0 ? before : []), partMain, ...(index === groups.length - 1 ? after : [])];
    const partBody: Element = { ...body, children };
    return { ...document, children: document.children.map((node) => (node === html ? { ...html, children: html.children.map((child) => (child === body ? partBody : child)) } : node)) };
  });
}

/**
 * Contiguous groups of about equal weight, counting the front matter that goes with the first group and the back
 * matter with the last (whitespace between chapters goes with the chapter before it).
 */
function shareOut(chapters: ElementContent[], parts: number, front: number, back: number): ElementContent[][] {
  const weights = chapters.map(weightOf);
  const total = front + weights.reduce((sum, weight) => sum + weight, 0) + back;
  const groups: ElementContent[][] = [[]];
  let done = front;
  chapters.forEach((chapter, index) => {
    const current = groups[groups.length - 1] as ElementContent[];
    // Start the next group at the chapter that would carry this one past its share.
    const share = (total * groups.length) / parts;
    // A chapter that runs on from the one before (`::continue`) shares its page, so it cannot open a part.
    const opensPage = chapter.type === 'element' && !String(chapter.properties['dataContinues'] ?? '');
    if (opensPage && current.some((node) => node.type === 'element') && groups.length < parts && done + (weights[index] ?? 0) / 2 > share) {
      groups.push([chapter]);
    } else {
      current.push(chapter);
    }
    done += weights[index] ?? 0;
  });
  return groups;
}

function weightOf(node: Root | ElementContent): number {
  let pictures = 0;
  visit(node, 'element', (element: Element) => {
    if (element.tagName === 'img') pictures += 1;
  });
  return toString(node).length + pictures * lettersPerPicture;
}
