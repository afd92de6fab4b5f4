import { markerPattern } from './loss-marker.js';

/**
 * Take the loss markers out of a chapter's Markdown and say on which line each one was. A line left holding
 * nothing but markers (a picture or an equation that could not be carried over) goes, and its markers move to the
 * next line with text.
 * @param markdown the chapter with markers
 */
export function placeMarkers(markdown: string): { text: string; lines: Map<number, number> } {
  const lines = new Map<number, number>();
  const out: string[] = [];
  let pending: number[] = [];
  for (const line of markdown.split('\n')) {
    const ids = Array.from(line.matchAll(markerPattern), (match) => Number(match[1]));
    const clean = line.replace(markerPattern, '').replace(/\s+$/, '');
    if (ids.length > 0 && clean.trim() === '') {
      pending.push(...ids);
      continue;
    }
    if (clean.trim() === '' && (out.length === 0 || out.at(-1) === '')) continue;
    out.push(clean);
    if (clean.trim() !== '') {
      for (const id of [...pending, ...ids]) lines.set(id, out.length);
      pending = [];
    }
  }
  while (out.at(-1) === '') out.pop();
  for (const id of pending) lines.set(id, Math.max(out.length, 1));
  return { text: `${out.join('\n')}\n`, lines };
}
