import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Fail (never skip) when a PDF tool the tests read back with is missing, saying how to get it. */
export function requireTool(command: string): void {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(`The tests read PDFs back with poppler-utils, and \`${command}\` is missing. Install it: \`sudo apt-get install poppler-utils\` (Debian/Ubuntu) or \`brew install poppler\` (macOS).`);
  }
}

function run(command: string, args: string[]): string {
  requireTool(command);
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * The text of a PDF, laid out as on the page (`layout`, for columns such as the contents) or in the order it was
 * drawn (`raw`, for reading text that runs across table cells).
 */
export function pdfText(file: string, mode: 'layout' | 'raw' = 'layout'): string {
  return run('pdftotext', [`-${mode}`, file, '-']);
}

/** The text of each page, in order. */
export function pdfPages(file: string, mode: 'layout' | 'raw' = 'layout'): string[] {
  return pdfText(file, mode).split('\f').slice(0, pdfInfo(file).pages);
}

/** The fonts of a PDF as `pdffonts` lists them. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const name = line.slice(0, 37).trim();
      const type = line.slice(37, 55).trim();
      const flags = line.slice(72).trim().split(/\s+/);
      return { name, type, embedded: flags[0] === 'yes' };
    });
}

/** Page count, title, author and the other document information. */
export function pdfInfo(file: string): { pages: number; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1] as string] = match[2] as string;
  }
  return { pages: Number(fields['Pages']), fields };
}

/** The images placed in a PDF, per `pdfimages -list`. */
export function pdfImages(file: string): { page: number; type: string; width: number; height: number; color: string; xppi: number }[] {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      return { page: Number(cells[0]), type: cells[2] as string, width: Number(cells[3]), height: Number(cells[4]), color: cells[5] as string, xppi: Number(cells[12]) };
    });
}

/**
 * The pages of a PDF as PNG files (`pdftoppm`), in a new temporary folder: all of them, or only `page` (1-based).
 * @returns the files, in page order
 */
export function renderPages(file: string, ppi: number, options: { page?: number; gray?: boolean } = {}): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-pages-'));
  const only = options.page === undefined ? [] : ['-f', String(options.page), '-l', String(options.page)];
  run('pdftoppm', ['-r', String(ppi), '-png', ...(options.gray ? ['-gray'] : []), ...only, file, path.join(dir, 'page')]);
  return readdirSync(dir).sort().map((name) => path.join(dir, name));
}

/** Letters and digits only, lower case: for finding manuscript text in PDF text whatever the line breaks and hyphens. */
export function letters(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The text of a PDF in drawn order with each page's margin boxes (folio, running heads: drawn first) taken off its
 * top, so that a paragraph running over a page reads on.
 * @param file the PDF
 * @param title the report's title (the running head on the left)
 * @param chapters the chapter titles (the running head on the right)
 */
export function pdfBodyText(file: string, title: string, chapters: readonly string[]): string {
  const heads = new Set(chapters.map(letters));
  const isMargin = (line: string, number: number) => line.trim() === String(number) || letters(line).startsWith(letters(title)) || heads.has(letters(line));
  return pdfPages(file, 'raw')
    .map((page, index) => {
      const lines = page.split('\n');
      while (lines.length > 0 && isMargin(lines[0] ?? '', index + 1)) lines.shift();
      return lines.join('\n');
    })
    .join('\n');
}

/** A word on a PDF page and its box, in points from the page's top left (`pdftotext -bbox`). */
export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** The words of each page, in order, with their boxes. */
export function pdfWords(file: string): PdfWord[][] {
  const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return run('pdftotext', ['-bbox', file, '-'])
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
        text: decode(match[5] ?? ''),
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
      })),
    );
}
