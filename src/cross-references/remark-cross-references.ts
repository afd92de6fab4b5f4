import type { Heading, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { findCitations } from '../citations/find-citations.js';
import type { VFile } from 'vfile';
import { replaceText, sliceText, span } from '../markdown/replace-text.js';
import { error, warning } from '../messages/emit.js';
import { unattachedLabel } from './unattached-label.js';

// `{#sec-options}`, `{-}` or `{.unnumbered}` at the end of a heading, figure or table caption; `{.annex}` or
// `{.appendix}` (with a label or without) at the end of a chapter's title.
const attributes = /\s*\{\s*(#[\p{L}\p{N}_:.-]+)?\s*(-|\.unnumbered|\.annex|\.appendix)?\s*\}\s*$/u;
/** What a reference may point at: a figure, a table, or a chapter or section. */
export const labelPattern = /^(?:fig|tbl|sec)-[\p{L}\p{N}_-]+$/u;

/**
 * The reference a key near the syntax was meant to be: `@page:fig-x`, `@page_fig-x`, `@fig:x` (pandoc-crossref's
 * form), `@Fig-x` → `@page-fig-x`, `@fig-x`; `undefined` for a key written right or unlike a reference.
 * @param key the key after `@`
 */
export function intendedReference(key: string): string | undefined {
  const match = /^(?:(page)[-:_.]?)?(fig|tbl|sec)[-:_.](.+)$/iu.exec(key);
  if (!match) return undefined;
  const label = `${(match[2] ?? '').toLowerCase()}-${match[3] ?? ''}`;
  const intended = `${match[1] ? 'page-' : ''}${label}`;
  return intended !== key && labelPattern.test(label) ? intended : undefined;
}

/**
 * Labels and references to them. `## Title {#sec-x}` labels a heading (`{-}` leaves it unnumbered, `{.annex}` or
 * `{.appendix}` makes a chapter a lettered annex or appendix), an image
 * alone in its paragraph followed by `{#fig-x}` labels a figure, a paragraph `Table: Caption {#tbl-x}` next to
 * a table is its caption. In the text, `@fig-x`, `@tbl-x`, `@sec-x` become references ("Figure 3"), `[-@fig-x]`
 * the number alone and `@page-fig-x` the page it lands on; numbers and pages are filled when the report is put
 * together and laid out.
 */
export default function remarkCrossReferences() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, (node, ancestors) => {
      if (node.type === 'heading') return label(node, file);
      if (node.type === 'paragraph') return figureOrCaption(node, file);
      const parent = ancestors.at(-1);
      if (node.type !== 'text' || !parent || ancestors.some((a) => a.type === 'link' || a.type === 'linkReference')) return undefined;
      const all = findCitations(node.value);
      // Left alone by the citations (no work has its key), a reference typed in another form would print as typed.
      for (const item of all.flatMap((c) => c.items)) {
        const intended = intendedReference(item.key);
        if (intended) error(file, `\`@${item.key}\` is not a reference Folio reads: write \`@${intended}\`.`, 'label-unknown', span(node, item.offset, item.key.length + 1));
      }
      const found = all.filter((c) => c.items.length === 1 && c.items.every((item) => labelPattern.test(item.key.replace(/^page-/, ''))));
      if (found.length === 0) return undefined;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      for (const citation of found) {
        const item = citation.items[0];
        if (!item) continue;
        // `on page @page-fig-x` would print "on page page 20": the reference writes the word itself.
        if (item.key.startsWith('page-') && /\b(?:pages?|pp?\.?)\s*$/i.test(node.value.slice(0, citation.start))) {
          warning(file, `\`@${item.key}\` prints the word "page" itself ("page 20"), so the "page" typed before it would print twice: write "on @${item.key}", not "on page @${item.key}".`, 'page-reference-doubled', span(node, item.offset, item.key.length + 1));
        }
        replacement.push(sliceText(node, last, citation.start), reference(item.key, item.suppressAuthor, node, item.offset));
        last = citation.end;
      }
      replacement.push(sliceText(node, last));
      return replaceText(parent, node, replacement);
    });
  };
}

function label(heading: Heading, file: VFile) {
  const last = heading.children.at(-1);
  const match = last?.type === 'text' ? attributes.exec(last.value) : undefined;
  if (!last || last.type !== 'text' || !match) return undefined;
  last.value = last.value.slice(0, match.index);
  const properties: Record<string, string> = {};
  if (match[1]) properties['id'] = match[1].slice(1);
  if (match[2] === '.annex' || match[2] === '.appendix') {
    if (heading.depth === 1) properties['dataAnnex'] = match[2] === '.annex' ? 'Annex' : 'Appendix';
    else warning(file, `\`{${match[2]}}\` makes a chapter an ${match[2].slice(1)}, lettered A, B, …: put it on the chapter's title (a line starting with one #), not on a section's.`, 'annex-heading', heading.position);
  } else if (match[2]) properties['dataUnnumbered'] = '';
  heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, ...properties } };
  return undefined;
}

/**
 * The start of a table caption, as Pandoc reads it: `Table:` or `table:`, the space after it optional
 * (`Table:Trade …` is a caption too: nothing else starts that way), or `:` and a space.
 */
const captionStart = /^(?:[Tt]able:\s*|:\s+)/;

function figureOrCaption(paragraph: Paragraph, file: VFile) {
  const [first, second, ...rest] = paragraph.children;
  // `![alt](src "Caption"){#fig-x}`: the label is taken off, so the image stands alone and becomes a figure.
  // (Markers of notes in its caption follow, put there by remarkCaptionNotes.)
  if (first?.type === 'image' && second?.type === 'text' && rest.every((node) => node.type === 'footnoteReference')) {
    const match = attributes.exec(second.value);
    if (match?.[1] && second.value.slice(0, match.index).trim() === '') {
      paragraph.children = [first, ...rest];
      first.data = { ...first.data, hProperties: { ...first.data?.hProperties, dataLabel: match[1].slice(1) } };
      return undefined;
    }
  }
  // `Table: Caption {#tbl-x}` (or `: Caption`), as in Pandoc: a rehype step moves it into its table.
  if (first?.type !== 'text' || !captionStart.test(first.value) || (first.value.replace(captionStart, '') === '' && !second)) {
    unattachedLabel(paragraph, file);
    return undefined;
  }
  first.value = first.value.replace(captionStart, '');
  const end = paragraph.children.at(-1);
  const match = end?.type === 'text' ? attributes.exec(end.value) : undefined;
  const properties: Record<string, string | string[]> = { className: ['table-caption'] };
  if (end?.type === 'text' && match) {
    end.value = end.value.slice(0, match.index);
    if (match[1]) properties['dataLabel'] = match[1].slice(1);
  }
  paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, ...properties } };
  return SKIP;
}

// A node remark-rehype turns into `<a class="xref" href="#fig-x">`, its text written when numbers are known.
function reference(key: string, numberOnly: boolean, node: Text, offset: number): PhrasingContent {
  const page = key.startsWith('page-');
  const target = key.replace(/^page-/, '');
  const position = span(node, offset, key.length + 1);
  const properties = { className: [page ? 'xref-page' : 'xref'], href: `#${target}`, dataXref: target, ...(numberOnly ? { dataNumberOnly: '' } : {}) };
  return { type: 'crossReference', data: { hName: 'a', hProperties: properties, hChildren: [] }, ...(position ? { position } : {}) } as never;
}

