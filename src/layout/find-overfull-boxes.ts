/* Runs inside the page after pagination, serialised by Puppeteer (see findLayoutFaults): self-contained. */
import type { LayoutFault } from './layout-fault.js';
import type { PageTools } from './page-tools.js';

/**
 * What runs out of the text block: an overfull line (a long word or web address into the margin), a table or image
 * wider than the text block, an image taller than the page's text area.
 * @param tools the page tools
 */
export function findOverfullBoxes(tools: PageTools): LayoutFault[] {
  const faults: LayoutFault[] = [];
  const range = document.createRange();
  for (const page of tools.pages) {
    const content = tools.area(page);
    if (!content || !tools.chapterOf(page)) continue;
    const box = content.getBoundingClientRect();
    const at = (element: Element) => ({ page: tools.numberOf(page), source: tools.sourceOf(element) });
    const reported = new Set<Element>();
    for (const element of content.querySelectorAll('table, img, svg, pre')) {
      const rect = element.getBoundingClientRect();
      if (rect.width > box.width + 1) {
        reported.add(element);
        faults.push({ kind: 'layout-overfull', ...at(element), message: `${element.matches('table') ? 'a table' : element.matches('pre') ? 'a code block' : 'an image'} is ${Math.round(((rect.width - box.width) * 25.4) / 96)} mm wider than the text block: ${element.matches('table') ? 'shorten the longest cells or set :::table{size=small}' : 'make it narrower'}` });
      } else if (element.matches('img, svg') && rect.height > box.height + 1) {
        reported.add(element);
        faults.push({ kind: 'layout-overfull', ...at(element), message: 'an image is taller than the page\'s text area: crop it or make it smaller' });
      }
    }
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.data.trim() === '' || !node.parentElement || [...reported].some((element) => element.contains(node))) continue;
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || (rect.right <= box.right + 1 && rect.left >= box.left - 1)) continue;
      const word = [...node.data.split(/\s+/)].sort((a, b) => b.length - a.length)[0] ?? '';
      reported.add(node.parentElement);
      faults.push({ kind: 'layout-overfull', ...at(node.parentElement), message: `a line runs ${Math.round((Math.max(rect.right - box.right, box.left - rect.left) * 25.4) / 96)} mm into the margin at “${word.replace(/\u00AD/g, '').slice(0, 40)}”: break the word or web address with a space, or reword the line` });
    }
  }
  return faults;
}
