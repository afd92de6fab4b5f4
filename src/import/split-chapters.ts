import GithubSlugger from 'github-slugger';
import type { FootnoteDefinition, Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { markerPattern, type Loss } from './loss-marker.js';
import { frontChapterTitle } from './front-chapter-title.js';
import { recordLoss } from './record-loss.js';

/** One chapter of the new manuscript. */
export interface Chapter {
  /** Its file name, `NN-slug.md`. */
  readonly name: string;
  readonly tree: Root;
}

/**
 * Split the converted draft into chapters at each Heading 1, numbered in order and named after their titles; each
 * chapter takes the notes it refers to, numbered from 1. Text before the first Heading 1 becomes a chapter titled
 * by the short line it opens with (a heading typed by hand) or by its first words, never as a later heading; a draft with no Heading 1 at all
 * becomes one chapter under the report's title. Either way a note asks to confirm the title.
 * @param tree the whole draft as Markdown
 * @param fallbackTitle the title for text that has none
 * @param losses the import's losses (appended to)
 */
export function splitChapters(tree: Root, fallbackTitle: string, losses: Loss[]): Chapter[] {
  const definitions = new Map<string, FootnoteDefinition>();
  const groups: RootContent[][] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
    else if (isChapter(node) || groups.length === 0) groups.push([node]);
    else groups.at(-1)?.push(node);
  }
  // Front text that is nothing but loss markers (Word's contents, left out) joins the first chapter.
  const [front, next] = groups;
  if (next && front && !isChapter(front[0]) && front.every((node) => !toString(node).replace(markerPattern, '').trim())) next.unshift(...(groups.shift() ?? []));
  // What the text before the first Heading 1 must not be called: the contents would list it twice.
  const later = new Set<string>();
  visit(tree, 'heading', (heading) => {
    if (heading.depth <= 3) later.add(toString(heading).replace(markerPattern, '').trim().toLowerCase());
  });
  const slugger = new GithubSlugger();
  return groups.map((children, index) => {
    const first = children.find((node) => toString(node).replace(markerPattern, '').trim() || node.type === 'heading');
    if (!isChapter(first)) {
      const found = groups.length > 1 ? frontChapterTitle(children, later) : undefined;
      const title = found?.title ?? fallbackTitle;
      const reason =
        found?.from === 'line'
          ? `The line “${title}” that opens the text before the first Heading 1 was taken as this chapter's title: confirm it, or make it a Heading 1 in Word.`
          : found
            ? `The text before the first Heading 1 has no title of its own, so the import titled this chapter with its first words, “${title}”: rename it (Summary, Foreword, Preface…), or give the text a Heading 1 in Word.`
            : `The draft has no Heading 1 here, so the import gave this text the chapter title “${title}”: rename it, or make the first line of the chapter a Heading 1 in Word.`;
      const note = recordLoss(losses, 'import-guess', reason);
      const heading: Heading = { type: 'heading', depth: 1, children: [{ type: 'text', value: `${title}${note}` }] };
      children.unshift(heading);
    }
    const chapter: Root = { type: 'root', children };
    numberNotes(chapter, definitions);
    const title = toString(children.find(isChapter) ?? '').replace(markerPattern, '');
    return { name: `${String(index + 1).padStart(2, '0')}-${slugOf(slugger, title)}.md`, tree: chapter };
  });
}

function isChapter(node: RootContent | undefined): node is Heading {
  return node?.type === 'heading' && node.depth === 1;
}

/** Number a chapter's note references from 1 in reading order and append their definitions. */
function numberNotes(chapter: Root, definitions: ReadonlyMap<string, FootnoteDefinition>): void {
  const numbers = new Map<string, string>();
  const notes: FootnoteDefinition[] = [];
  const renumber = (root: Root | FootnoteDefinition) =>
    visit(root, 'footnoteReference', (reference) => {
      let number = numbers.get(reference.identifier);
      const definition = definitions.get(reference.identifier);
      if (!number && definition) {
        number = String(numbers.size + 1);
        numbers.set(reference.identifier, number);
        const copy = structuredClone(definition);
        notes.push(copy);
        renumber(copy);
        copy.identifier = number;
        copy.label = number;
      }
      if (number) {
        reference.identifier = number;
        reference.label = number;
      }
    });
  renumber(chapter);
  chapter.children.push(...notes);
}

/** A file name part: ASCII letters and digits, at most 40 long, cut at a hyphen. */
function slugOf(slugger: GithubSlugger, title: string): string {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = slugger.slug(ascii).replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const short = slug.length > 40 ? slug.slice(0, 40).replace(/-[^-]*$/, '') : slug;
  return short || 'chapter';
}
