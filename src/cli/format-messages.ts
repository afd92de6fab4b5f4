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
    for (const message of file.messages) {
      const where = `${name}:${message.line ?? 1}:${message.column ?? 1}`;
      const severity = message.fatal ? paint(31, 'error') : paint(33, 'warning');
      if (message.fatal) errors += 1;
      else warnings += 1;
      lines.push(`${where}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd());
    }
  }
  if (lines.length === 0) return '';
  const count = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  return `${lines.join('\n')}\n${errors ? paint(31, '✖') : paint(33, '⚠')} ${count}\n`;
}
