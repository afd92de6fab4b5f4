import { readFile } from 'node:fs/promises';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage, type PDFRef } from 'pdf-lib';

/**
 * The text of each page in logical order, read from the content streams as a screen reader would: a cluster's
 * `/ActualText`, else each glyph's ToUnicode; a `/ReversedChars` run (Chromium's right-to-left text) turned
 * back; on a line whose runs are mostly right to left, the runs read from the right. Poppler's pdftotext gets
 * the order right too but files the separate dot glyphs of Noto's Arabic faces under neighbouring lines.
 * @param file a PDF Chromium printed
 */
export async function logicalText(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  return doc.getPages().map(pageText);
}

interface Run {
  /** Where its first glyph stands on the page (for a right-to-left run, its left end). */
  x: number;
  y: number;
  readonly rtl: boolean;
  text: string;
}

function pageText(page: PDFPage): string {
  const runs: Run[] = [];
  const resources = page.node.Resources();
  if (resources) readContent(contentText(page), resources, [1, 0, 0, 1, 0, 0], runs);
  return lines(runs);
}

/** Read one content stream (a page's, or a form's it draws: a booklet's pages are forms) into `runs`. */
function readContent(content: string, resources: PDFDict, start: Matrix, runs: Run[]): void {
  const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  const maps = new Map<string, Map<number, string>>();
  const toUnicode = (name: string) => {
    let map = maps.get(name);
    if (!map) {
      const stream = fonts?.lookupMaybe(PDFName.of(name), PDFDict)?.lookup(PDFName.of('ToUnicode'));
      map = stream instanceof PDFRawStream ? parseCMap(streamText(stream)) : new Map();
      maps.set(name, map);
    }
    return map;
  };
  let font = new Map<number, string>();
  // Where the run starts: Chromium sets the text matrix at a run's baseline and left end, then places each glyph
  // with a Td (vertical ones for marks and Nastaliq's slope, which say nothing about the line).
  let origin: Matrix = [1, 0, 0, 1, 0, 0];
  const where = () => ({ x: ctm[0] * origin[4] + ctm[2] * origin[5] + ctm[4], y: ctm[1] * origin[4] + ctm[3] * origin[5] + ctm[5] });
  let run: (Omit<Run, 'x' | 'y'> & Partial<Run>) | undefined;
  let units: string[] = [];
  const marks: ('reversed' | 'actual' | 'other')[] = [];
  let actual: string | undefined;
  const operands: Token[] = [];
  let ctm: Matrix = start;
  const stack: Matrix[] = [];
  for (const token of tokens(content)) {
    if (token.kind !== 'op') {
      operands.push(token);
      continue;
    }
    const last = operands.at(-1);
    switch (token.value) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? ctm;
        break;
      case 'cm':
        ctm = multiply(numbers(operands), ctm);
        break;
      case 'Do': {
        const form = resources.lookupMaybe(PDFName.of('XObject'), PDFDict)?.lookup(PDFName.of(String(last?.value).slice(1)));
        const formResources = form instanceof PDFRawStream ? form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) : undefined;
        if (form instanceof PDFRawStream && formResources) {
          const matrix = form.dict.lookupMaybe(PDFName.of('Matrix'), PDFArray)?.asArray().map((item) => Number(item.toString()));
          readContent(streamText(form), formResources, multiply(numbers(matrix?.map((value) => ({ kind: 'number', value: String(value) })) ?? []), ctm), runs);
        }
        break;
      }
      case 'Tf':
        font = toUnicode(String(operands.at(-2)?.value ?? '').slice(1));
        break;
      case 'BT':
        origin = [1, 0, 0, 1, 0, 0];
        break;
      case 'Tm':
        origin = numbers(operands);
        break;
      case 'BMC':
      case 'BDC': {
        const text = operands.find((operand) => operand.kind === 'actual');
        if (last?.value === '/ReversedChars' || (token.value === 'BMC' && operands[0]?.value === '/ReversedChars')) {
          marks.push('reversed');
          run = { rtl: true, text: '' };
          units = [];
        } else if (text) {
          marks.push('actual');
          actual = String(text.value);
        } else marks.push('other');
        break;
      }
      case 'EMC': {
        const mark = marks.pop();
        if (mark === 'actual' && actual !== undefined) {
          if (run) units.push(actual);
          else runs.push({ ...where(), rtl: false, text: actual });
          actual = undefined;
        } else if (mark === 'reversed' && run) {
          // Numbers inside right-to-left text keep their own left-to-right order.
          run.text = units.reverse().join('').replace(/[\d\u0660-\u0669\u06F0-\u06F9]+/gu, (digits) => [...digits].reverse().join(''));
          runs.push({ ...where(), ...run });
          run = undefined;
          units = [];
        }
        break;
      }
      case 'Tj':
      case 'TJ': {
        if (run && run.x === undefined) Object.assign(run, where());
        if (actual !== undefined) break;
        const glyphs = operands.filter((operand) => operand.kind === 'hex').flatMap((operand) => glyphCodes(String(operand.value)));
        const texts = glyphs.map((code) => font.get(code) ?? '\uFFFD');
        if (run) units.push(...texts);
        else runs.push({ ...where(), rtl: false, text: texts.join('') });
        break;
      }
    }
    operands.length = 0;
  }
}

function numbers(operands: readonly Token[]): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = operands.map((operand) => Number(operand.value));
  return [a, b, c, d, e, f];
}

/** Runs grouped into lines (consecutive runs on one baseline); a line mostly right to left is read from its right-hand run. */
function lines(runs: readonly Run[]): string {
  const grouped: Run[][] = [];
  for (const run of runs) {
    const line = grouped.at(-1);
    if (line && Math.abs((line[0]?.y ?? 0) - run.y) < 1) line.push(run);
    else grouped.push([run]);
  }
  return grouped
    .map((unsorted) => {
      // Chromium may draw a line's runs in any order (a Nastaliq title's first letter after the rest): read them by place.
      const line = [...unsorted].sort((a, b) => a.x - b.x);
      const rtl = line.filter((run) => run.rtl).reduce((sum, run) => sum + run.text.length, 0);
      const ltr = line.filter((run) => !run.rtl && /\p{L}/u.test(run.text)).reduce((sum, run) => sum + run.text.length, 0);
      if (rtl <= ltr) return line.map((run) => run.text).join('');
      // Read from the right, but left-to-right stretches (numbers, Latin words) keep their order.
      const stretches: string[][] = [];
      line.forEach((run, index) => {
        if (!run.rtl && index > 0 && !line[index - 1]?.rtl) stretches.at(-1)?.push(run.text);
        else stretches.push([run.text]);
      });
      return stretches.reverse().flat().join('');
    })
    .join('\n');
}

type Matrix = [number, number, number, number, number, number];

function multiply([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix {
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

type Token = { kind: 'op' | 'name' | 'number' | 'hex' | 'actual' | 'other'; value: string };

/** The tokens of a content stream: enough of PDF's syntax for what Chromium writes. */
function* tokens(text: string): Generator<Token> {
  const pattern = /\/ActualText\s*<([0-9a-fA-F\s]*)>|<<|>>|<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)|(\/[^\s/<>[\]()]+)|([-+]?\d*\.?\d+)|([A-Za-z'"*]+\d?\*?)|\[|\]|\S/gu;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) yield { kind: 'actual', value: utf16(match[1]) };
    else if (match[2] !== undefined) yield { kind: 'hex', value: match[2].replace(/\s/gu, '') };
    else if (match[4] !== undefined) yield { kind: 'name', value: match[4] };
    else if (match[5] !== undefined) yield { kind: 'number', value: match[5] };
    else if (match[6] !== undefined) yield { kind: 'op', value: match[6] };
    else yield { kind: 'other', value: match[0] };
  }
}

function glyphCodes(hex: string): number[] {
  const codes: number[] = [];
  for (let index = 0; index + 4 <= hex.length; index += 4) codes.push(Number.parseInt(hex.slice(index, index + 4), 16));
  return codes;
}

function utf16(hex: string): string {
  const clean = hex.replace(/\s/gu, '').replace(/^feff/iu, '');
  const units: number[] = [];
  for (let index = 0; index + 4 <= clean.length; index += 4) units.push(Number.parseInt(clean.slice(index, index + 4), 16));
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap's `bfchar` and `bfrange` entries. */
function parseCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, body = ''] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/gu)) {
    for (const [, code = '', unicode = ''] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/gu)) map.set(Number.parseInt(code, 16), utf16(unicode));
  }
  for (const [, body = ''] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/gu)) {
    for (const [, low = '', high = '', start = ''] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/gu)) {
      const first = Number.parseInt(start, 16);
      for (let code = Number.parseInt(low, 16); code <= Number.parseInt(high, 16); code++) map.set(code, String.fromCodePoint(first + code - Number.parseInt(low, 16)));
    }
  }
  return map;
}

function contentText(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref as PDFRef)) : [contents];
  return streams.filter((stream) => stream instanceof PDFRawStream).map(streamText).join('\n');
}

function streamText(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}
