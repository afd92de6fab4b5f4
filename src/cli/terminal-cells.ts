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
/** Emoji that print as pictures. */
const emoji = /^\p{Emoji_Presentation}$/u;
/** East Asian wide and fullwidth ranges (Unicode's EastAsianWidth.txt, W and F, folded into blocks). */
const wide: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf],
  [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

/**
 * A line cut into the cells a terminal shows, so that a code frame can put its caret under a column however
 * the line is written: a tab fills up to its tab stop, a wide (Chinese, Japanese, Korean, emoji) character two
 * columns, a combining accent none, and a character beyond the Basic Multilingual Plane is one cell although
 * it is two code units of the message's column. Node has no public measure of this; the table is small and
 * errs only on rare characters.
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
    else if (emoji.test(character) || wide.some(([from, to]) => code >= from && code <= to)) width = 2;
    cells.push({ offset, length: character.length, text, width });
    offset += character.length;
    column += width;
  }
  return cells;
}
