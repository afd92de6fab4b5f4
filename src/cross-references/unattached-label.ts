import type { Paragraph } from 'mdast';
import type { VFile } from 'vfile';
import { span } from '../markdown/replace-text.js';
import { error } from '../messages/emit.js';

/** A `{#fig-x}`, `{#tbl-x}` or `{#sec-x}` at the very end of a paragraph. */
const trailingLabel = /\{\s*#((?:fig|tbl|sec)-[\p{L}\p{N}_:.-]+)[^{}]*\}\s*$/u;

/** How each kind of label is written where Folio reads it. */
const howToWrite = {
  tbl: (label: string) => `a table caption is a paragraph starting \`Table:\` on the line right after the table (or right before it), as in \`Table: Caption {#${label}}\``,
  fig: (label: string) => `a figure is an image alone in its paragraph, its label right after it, as in \`![Alt text](images/chart.png "Caption"){#${label}}\``,
  sec: (label: string) => `a heading carries its label at the end of its line, as in \`## Title {#${label}}\``,
} as const;

/**
 * A paragraph that ends with a label nothing took (not a table caption, not a figure): the author meant to label
 * something, but the label would print as typed and every reference to it would fail far from the cause, so it
 * is an error here, saying how the caption is written. The label is kept on the paragraph (`data-unattached-label`)
 * so that a reference to it can point here instead of guessing another label.
 * @param paragraph a paragraph that is neither a figure nor a table caption
 * @param file the chapter, for the message
 */
export function unattachedLabel(paragraph: Paragraph, file: VFile): void {
  const end = paragraph.children.at(-1);
  if (end?.type !== 'text') return;
  const match = trailingLabel.exec(end.value);
  const label = match?.[1];
  if (!match || !label) return;
  const kind = label.slice(0, 3) as keyof typeof howToWrite;
  const what = kind === 'tbl' ? 'table' : kind === 'fig' ? 'figure' : 'heading';
  const offset = match.index + match[0].indexOf('{');
  error(file, `The label \`{#${label}}\` is attached to no ${what}: this paragraph is not a ${kind === 'tbl' ? 'table caption' : what}, so the label would print as typed and \`@${label}\` finds nothing. Write it as Folio reads it: ${howToWrite[kind](label)}.`, 'label-unattached', span(end, offset, match[0].trim().length));
  paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, dataUnattachedLabel: label } };
}
