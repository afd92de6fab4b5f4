import path from 'node:path';
import type { VFile } from 'vfile';
import { terminalCells } from './terminal-cells.js';

/**
 * Messages the way linters in this ecosystem print them, one per line, each starting with a clickable
 * `file:line:column`: `chapter.md:12:3  error  Image not found: images/x.jpg  image-missing`.
 * @param files files carrying messages
 * @param color colour severities for a terminal
 * @returns the lines, with a closing count, or an empty string when there is nothing to say
 */
export function formatMessages(files: readonly VFile[], color = false): string {
  const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[39m` : text);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const name = file.path ? path.relative(process.cwd(), path.resolve(file.cwd, file.path)) || file.path : '<input>';
    for (const message of sorted(file)) {
      const where = `${name}:${message.line ?? 1}:${message.column ?? 1}`;
      const severity = message.fatal ? paint(31, 'error') : message.fatal === false ? paint(33, 'warning') : paint(36, 'info');
      if (message.fatal) errors += 1;
      else if (message.fatal === false) warnings += 1;
      lines.push(`${where}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd());
      // Errors and warnings show their line; information is not about a place to mend.
      if (message.fatal !== undefined) lines.push(...codeFrame(String(file.value ?? ''), message.line, message.column));
    }
  }
  if (lines.length === 0) return '';
  const count = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  if (!count) return `${lines.join('\n')}\n`;
  return `${lines.join('\n')}\n${errors ? paint(31, '✖') : paint(33, '⚠')} ${count}\n`;
}

/** How many terminal columns of a line a frame shows, and how far into them the caret stands when the line must be cut. */
const frameWidth = 100;
const caretAt = 40;

/**
 * The line a message points at, with a caret under its column, as compilers print it. A Markdown paragraph is one
 * long line: the frame then shows the part around the column, cut with an ellipsis on either side. Both are
 * measured in the columns a terminal fills, not in characters (see terminalCells): the caret's padding is what
 * the text before it fills, so tabs, wide characters and accents cannot push the caret off its character.
 */
function codeFrame(text: string, line: number | undefined, column: number | undefined): string[] {
  const source = line === undefined ? undefined : text.split('\n')[line - 1]?.replace(/\r$/, '');
  if (source === undefined || source.trim() === '') return [];
  const cells = terminalCells(source);
  // The column counts code units; the caret goes under the character holding it, or under the accent's letter.
  const unit = Math.min(Math.max(0, (column ?? 1) - 1), source.length);
  let at = cells.findIndex((cell) => cell.offset + cell.length > unit);
  if (at === -1) at = cells.length;
  while (at > 0 && at < cells.length && cells[at]?.width === 0) at -= 1;
  const columns = [0];
  for (const cell of cells) columns.push((columns.at(-1) ?? 0) + cell.width);
  const total = columns.at(-1) ?? 0;
  const caret = columns[at] ?? total;
  const from = total <= frameWidth || caret < frameWidth - 20 ? 0 : Math.max(0, Math.min(caret - caretAt, total - frameWidth));
  let start = columns.findIndex((width) => width >= from);
  while (start > 0 && start < cells.length && cells[start]?.width === 0) start += 1;
  let end = start;
  while (end < cells.length && (columns[end + 1] ?? 0) <= (columns[start] ?? 0) + frameWidth) end += 1;
  const before = start > 0 ? '…' : '';
  const shown = `${before}${cells.slice(start, end).map((cell) => cell.text).join('')}${end < cells.length ? '…' : ''}`;
  const gutter = `  ${line} | `;
  return [`${gutter}${shown}`, `${' '.repeat(gutter.length - 2)}| ${' '.repeat(before.length + caret - (columns[start] ?? 0))}^`];
}

/** One message as machines read it (`folio check --format json`). */
export interface JsonMessage {
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: 'error' | 'warning' | 'info';
  rule: string | null;
  message: string;
}

/**
 * The messages as a list of plain objects, for editors and CI annotations.
 * @param files files carrying messages
 */
export function messagesAsJson(files: readonly VFile[]): JsonMessage[] {
  return files.flatMap((file) =>
    sorted(file).map((message) => ({
      file: file.path,
      line: message.line ?? null,
      column: message.column ?? null,
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
      rule: message.ruleId ?? null,
      message: message.reason,
    })),
  );
}

/** A file's messages in reading order. */
function sorted(file: VFile) {
  return [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
