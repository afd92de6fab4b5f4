import type { ElementContent } from 'hast';
import type { FootnoteDefinition, FootnoteReference, PhrasingContent, Root, Text } from 'mdast';
import { distance } from 'fastest-levenshtein';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { replaceText, sliceText, span, text } from '../markdown/replace-text.js';
import { error, warning } from '../messages/emit.js';
import { h } from 'hastscript';
import type { CitationEngine, CitedPart } from './citation-engine.js';
import { findCitations, type FoundCitation } from './find-citations.js';
import { intendedReference } from '../cross-references/remark-cross-references.js';

/** Options for {@link remarkCitations}. */
export interface Options {
  /**
   * The report's bibliography and style; without one, `[@key]` is left as typed, with a warning; `false` when
   * report.yaml names a bibliography that could not be read (already an error: citations are left alone).
   */
  readonly engine?: CitationEngine | false | undefined;
}

// Cross-references (`@fig-x`, `@tbl-x`, `@sec-x`, `@page-x`) share the `@` and are not works.
const crossReference = /^(?:fig|tbl|sec)-|^page-/;

/**
 * Turn Pandoc citations into formatted ones, linked to their bibliography entry: `[@key]`, `[@key, p. 12]`,
 * `[see @a; @b, ch. 3]`, `[-@key]`, `@key says`. In a notes style a citation becomes a footnote (a standard
 * footnote reference and definition). A key not in the bibliography is an error at its place.
 * @param options the citation engine
 */
export default function remarkCitations(options?: Options) {
  const engine = options?.engine;
  return (tree: Root, file: VFile) => {
    const notes: FootnoteDefinition[] = [];
    visitParents(tree, (node, ancestors) => {
      const parent = ancestors.at(-1);
      if (node.type !== 'text' || !parent || ancestors.some((a) => a.type === 'link' || a.type === 'linkReference')) return;
      if (engine === false) return;
      // A reference typed in another form (`@page:fig-x`) is the cross-references' to report, unless a work has its key.
      const reference = (key: string) => crossReference.test(key) || (intendedReference(key) !== undefined && !engine?.keys.includes(key));
      const found = findCitations(node.value).filter((citation) => !citation.items.some((item) => reference(item.key)));
      if (found.length === 0) return;
      if (!engine) {
        for (const citation of found.filter((c) => !c.narrative)) warning(file, `\`${node.value.slice(citation.start, citation.end)}\` is printed as typed: report.yaml names no \`bibliography:\` file to cite from.`, 'citation-no-bibliography', span(node, citation.start, 1));
        return;
      }
      const inNote = ancestors.some((a) => a.type === 'footnoteDefinition');
      const replacement: PhrasingContent[] = [];
      let last = 0;
      for (const citation of found) {
        if (!known(citation, engine, file, node)) continue;
        const asNote = engine.note && !inNote;
        // A note's marker follows the punctuation, with no space before it: "as argued,¹".
        const punctuation = asNote ? (/^[.,;:!?]+/.exec(node.value.slice(citation.end))?.[0] ?? '') : '';
        const before = sliceText(node, last, citation.start);
        // The text before keeps its place in the source (cross-references in it are reported there).
        if (asNote && !citation.narrative) before.value = before.value.trimEnd();
        replacement.push(before, text(punctuation), ...render(citation, engine, inNote, notes));
        last = citation.end + punctuation.length;
      }
      if (last === 0) return;
      replacement.push(sliceText(node, last));
      return replaceText(parent, node, replacement);
    });
    tree.children.push(...notes);
  };
}

function known(citation: FoundCitation, engine: CitationEngine, file: VFile, node: Text): boolean {
  let ok = true;
  for (const item of citation.items) {
    if (engine.keys.includes(item.key)) continue;
    ok = false;
    const near = [...engine.keys].sort((a, b) => distance(item.key, a) - distance(item.key, b))[0];
    // `@issra` in a sentence, far from every key, is a handle, not a mistyped citation: it stays as typed.
    if (citation.narrative && (!near || distance(item.key, near) > 2)) continue;
    error(file, `No work \`${item.key}\` in ${engine.file.basename}.${near ? ` Did you mean \`@${near}\`?` : ''}`, 'citation-unknown', span(node, item.offset, item.key.length + 1));
  }
  return ok;
}

function render(citation: FoundCitation, engine: CitationEngine, inNote: boolean, notes: FootnoteDefinition[]): PhrasingContent[] {
  const keys = citation.items.map((item) => item.key);
  const author = citation.narrative ? [cited(engine.cite(citation.items, 'author'), keys)] : [];
  if (engine.note && !inNote) {
    const identifier = `cite-${notes.length + 1}`;
    notes.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children: [cited(engine.cite(citation.items), keys)] }] });
    const reference: FootnoteReference = { type: 'footnoteReference', identifier, label: identifier };
    return [...author, reference];
  }
  if (citation.narrative && !engine.note) return [cited(engine.cite(citation.items.map((item) => ({ ...item, suppressAuthor: false })), 'author'), keys), text(' '), cited(engine.cite(citation.items.map((item) => ({ ...item, suppressAuthor: true }))), keys)];
  return [cited(engine.cite(citation.items), keys)];
}

/**
 * A node remark-rehype turns into what the engine made, linked to the bibliography: a citation of one work is one
 * link, `<a class="citation" href="#ref-key">`; one of several is `<span class="citation">` holding a link to each
 * work's own entry, the parentheses and semicolons between them unlinked.
 */
function cited(parts: readonly CitedPart[], keys: readonly string[]): PhrasingContent {
  const works = new Set(parts.flatMap((part) => (part.key ? [part.key] : [])));
  if (works.size <= 1) {
    const content = parts.flatMap((part) => part.content);
    return { type: 'citation', data: { hName: 'a', hProperties: { className: ['citation'], href: `#ref-${[...works][0] ?? keys[0]}`, dataCites: keys.join(' ') }, hChildren: content } } as never;
  }
  const children: ElementContent[] = parts.flatMap((part) => (part.key ? [h('a', { href: `#ref-${part.key}` }, part.content)] : part.content));
  return { type: 'citation', data: { hName: 'span', hProperties: { className: ['citation'], dataCites: keys.join(' ') }, hChildren: children } } as never;
}
