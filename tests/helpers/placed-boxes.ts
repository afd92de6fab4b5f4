import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireTool } from './poppler.js';

/** A box on a PDF page, in points from its top-left corner. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where the images of one page are drawn (`pdftohtml -xml`, at 1 pixel a point).
 * @param file the PDF
 * @param page 1-based page number
 */
export function pdfImageBoxes(file: string, page: number): Box[] {
  requireTool('pdftohtml');
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-boxes-')), 'page');
  const xml = execFileSync('pdftohtml', ['-xml', '-zoom', '1', '-f', String(page), '-l', String(page), '-stdout', file, out], { encoding: 'utf8' });
  return [...xml.matchAll(/<image top="([\d.-]+)" left="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({
    top: Number(m[1]),
    left: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
  }));
}

/**
 * Every word of one page with its box (`pdftotext -bbox`).
 * @param file the PDF
 * @param page 1-based page number
 */
export function pdfWordBoxes(file: string, page: number): (Box & { text: string })[] {
  requireTool('pdftotext');
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    left: Number(m[1]),
    top: Number(m[2]),
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
    text: (m[5] ?? '').replace(/&amp;/g, '&'),
  }));
}
