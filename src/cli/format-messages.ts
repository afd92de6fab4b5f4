import path from 'node:path';
import type { VFile } from 'vfile';

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

/** How much of a line a frame shows, and how far into it the caret stands when the line must be cut. */
const frameWidth = 100;
const caretAt = 40;

/**
 * The line a message points at, with a caret under its column, as compilers print it. A Markdown paragraph is one
 * long line: the frame then shows the part around the column, cut with an ellipsis on either side.
 */
function codeFrame(text: string, line: number | undefined, column: number | undefined): string[] {
  const source = line === undefined ? undefined : text.split('\n')[line - 1];
  if (source === undefined || source.trim() === '') return [];
  const at = Math.min(Math.max(0, (column ?? 1) - 1), source.length);
  const start = source.length <= frameWidth || at < frameWidth - 20 ? 0 : Math.min(at - caretAt, source.length - frameWidth);
  const end = Math.min(source.length, start + frameWidth);
  const before = start > 0 ? '…' : '';
  const shown = `${before}${source.slice(start, end)}${end < source.length ? '…' : ''}`;
  const gutter = `  ${line} | `;
  return [`${gutter}${shown}`, `${' '.repeat(gutter.length - 2)}| ${' '.repeat(before.length + at - start)}^`];
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
