import { eastAsianWidth } from 'get-east-asian-width';

/** One character of a line as a terminal shows it. */
export interface TerminalCell {
  /** Where it starts in the line, in UTF-16 code units: the unit of a message's column. */
  readonly offset: number;
  /** How many code units it takes (2 for a character beyond the Basic Multilingual Plane). */
  readonly length: number;
  /** What to print for it: a tab becomes the spaces up to the next tab stop, a control character `�`. */
  readonly text: string;
  /** How many terminal columns it fills: 0 for a combining mark, 2 for a wide character, 1 otherwise. */
  readonly width: number;
}

/** Tab stops every four columns, as CommonMark counts them. */
const tabSize = 4;

/** Marks and format characters that print on the character before them (accents, vowel signs, bidi marks). */
const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/**
 * A line cut into the cells a terminal shows, so that a code frame can put its caret under a column however
 * the line is written: a tab fills up to its tab stop, a wide (Chinese, Japanese, Korean, emoji) character two
 * columns, a combining accent none, and a character beyond the Basic Multilingual Plane is one cell although
 * it is two code units of the message's column. The widths are Unicode's East Asian Width property
 * (get-east-asian-width), which gives emoji presented as pictures two columns as well.
 * @param line one line of a file, without its line break
 */
export function terminalCells(line: string): TerminalCell[] {
  const cells: TerminalCell[] = [];
  let offset = 0;
  let column = 0;
  for (const character of line) {
    const code = character.codePointAt(0) ?? 0;
    let text = character;
    let width = 1;
    if (character === '\t') {
      width = tabSize - (column % tabSize);
      text = ' '.repeat(width);
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) text = '\uFFFD';
    else if (zeroWidth.test(character)) width = 0;
    else width = eastAsianWidth(code);
    cells.push({ offset, length: character.length, text, width });
    offset += character.length;
    column += width;
  }
  return cells;
}
