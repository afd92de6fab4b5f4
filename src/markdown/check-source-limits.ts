import type { VFile } from 'vfile';
import { error } from '../messages/emit.js';
import { limits } from './limits.js';

// What opens a container at the start of a line: a block quote marker, or a list item's bullet or number.
const containerMarker = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const thematicBreak = /^[ \t]*(?:[-*_][ \t]*){3,}$/;
const fence = /^[ \t]*(?:```|~~~)/;
// Characters the inline parser pairs up with one another: thousands in one block take it seconds to minutes.
const markup = /[*_~[\]`<]/g;

/**
 * Check a chapter's lines before it is parsed, in one cheap pass, so that a hostile chapter fails at once with
 * its position instead of exhausting the stack or running for minutes: block quotes and lists nested deeper than
 * the parser and the tree walkers after it can follow, lines indented as only a generated file would be, and
 * blocks (a paragraph; a table row) and chapters too long, or with too much markup, for the inline parser, whose
 * pairing of emphasis and brackets, and splitting of table rows, grows faster than their number.
 * @param file the chapter, its Markdown in `value`
 * @returns whether the chapter is within the limits and may be parsed
 */
export function checkSourceLimits(file: VFile): boolean {
  const lines = String(file.value).split('\n');
  let inFence = false;
  let block = { line: 1, length: 0, markup: 0 };
  let total = 0;
  let rows = { line: 0, count: 0 };
  for (const [index, line] of lines.entries()) {
    const place = { line: index + 1, column: 1 };
    const indent = indentOf(line);
    if (indent > limits.indent) {
      error(file, `This line is indented ${indent} columns; Folio allows ${limits.indent}. Lists nest a level for every 2 to 4 spaces: nest them less deeply.`, 'too-large', place);
      return false;
    }
    if (fence.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line) && line.length > limits.headingLength) {
      error(file, `This heading is ${line.length.toLocaleString('en')} characters long; a heading stands in the contents, the running heads and the bookmarks, and Folio allows ${limits.headingLength}. Shorten it, and put the rest in a paragraph.`, 'too-large', place);
      return false;
    }
    if (!thematicBreak.test(line) && nestingOf(line) > limits.nesting) {
      error(file, `Block quotes and lists are nested more than ${limits.nesting} deep here: no report needs that many levels. Nest them less deeply.`, 'too-large', place);
      return false;
    }
    // A table row is parsed on its own; any other line continues its paragraph until a blank line.
    if (line.trim() === '') {
      block = { line: index + 2, length: 0, markup: 0 };
      rows = { line: 0, count: 0 };
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      block = { line: index + 1, length: 0, markup: 0 };
      rows = { line: rows.count === 0 ? index + 1 : rows.line, count: rows.count + 1 };
      if (rows.count > limits.tableRows) {
        error(file, `This table has more than ${limits.tableRows.toLocaleString('en')} rows (about fifty pages); Folio allows no more in one table. Split it, or put the data in an annex file.`, 'too-large', { line: rows.line, column: 1 });
        return false;
      }
    } else rows = { line: 0, count: 0 };
    const marks = line.match(markup)?.length ?? 0;
    block.length += line.length + 1;
    block.markup += marks;
    total += marks;
    if ((line.match(/\|/g)?.length ?? 0) > limits.linePipes) {
      error(file, `This line has more than ${limits.linePipes} \`|\` cell separators; a table may have at most ${limits.tableColumns} columns. Split the table.`, 'too-large', place);
      return false;
    }
    const at = { line: block.line, column: 1 };
    if (block.length > limits.blockLength) {
      error(file, `This paragraph is over ${limits.blockLength.toLocaleString('en')} characters long (about seven pages); Folio allows no more in one block. Break it into paragraphs.`, 'too-large', at);
      return false;
    }
    if (total > limits.chapterMarkup) {
      error(file, `This chapter has over ${limits.chapterMarkup.toLocaleString('en')} emphasis marks, brackets and backticks; Folio allows no more in one chapter. Split it into several chapters.`, 'too-large', at);
      return false;
    }
    if (block.markup > limits.blockMarkup) {
      error(file, `This paragraph has over ${limits.blockMarkup.toLocaleString('en')} emphasis marks, brackets and backticks; Folio allows no more in one block. Break it into paragraphs, or put code in a fenced block.`, 'too-large', at);
      return false;
    }
  }
  return true;
}

function nestingOf(line: string): number {
  let depth = 0;
  let rest = line;
  for (let match = containerMarker.exec(rest); match && match[0].length > 0 && depth <= limits.nesting; match = containerMarker.exec(rest)) {
    depth += 1;
    rest = rest.slice(match[0].length);
  }
  return depth;
}

function indentOf(line: string): number {
  let columns = 0;
  for (const character of line) {
    if (character === ' ') columns += 1;
    else if (character === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}
