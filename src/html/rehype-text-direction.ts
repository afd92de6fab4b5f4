import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { guessArabicLanguage, regionLanguages } from './guess-arabic-language.js';
import { isRightToLeft } from './is-right-to-left.js';

// Blocks that hold a line of running text, and blocks that hold other blocks.
const textBlocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'figcaption', 'caption', 'dt', 'dd', 'li']);
const containers = new Set(['blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'div', 'section', 'aside', 'dl']);
const unchanged = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math']);

const arabicLetter = /\p{Script=Arabic}/u;
const arabicLetters = /\p{Script=Arabic}/gu;
const otherLetters = /(?!\p{Script=Arabic})\p{L}/gu;
// A run: Arabic-script words with the spaces, digits and punctuation between them (not those around them).
const arabicRun = /\p{Script=Arabic}+(?:[\s\d\u060C\u061B\u061F\u200C\u200D.,:;!?'"«»()\-–—]*\p{Script=Arabic}+)*[\u060C\u061B\u061F]?/gu;

/** What directing a block found: left to right, right to left in a language, or right to left in one not known yet. */
type Found = 'ltr' | 'rtl?' | (string & {});

/** Options of rehypeTextDirection. */
export interface TextDirectionOptions {
  /** The languages the guess chooses among (report.yaml's `passageLanguages`); the first is the fallback. */
  readonly languages?: readonly string[] | undefined;
}

/** How one chapter is directed: the languages to guess among, and the language of text whose letters cannot tell. */
interface Settings {
  readonly among: readonly string[];
  readonly fallback: string;
}

const emptyOptions: TextDirectionOptions = {};

/**
 * Give Arabic-script text its direction and language: a block written mostly in it gets `dir="rtl"` and the
 * language its letters suggest (a list, table or quotation whose blocks all are, too), and a run of it inside a
 * left-to-right block is isolated in `<bdi dir="rtl" lang="…">` so the sentence around it keeps its order.
 * Text whose letters cannot tell (a short heading, a name) takes the language of the chapter's Arabic-script
 * text as a whole, or else the first of the languages. A `lang` the author wrote (`:::passage{lang=ur}`,
 * `<span lang="ps">`) overrides the guess.
 * @param options the languages to guess among (default: Arabic, Urdu, Persian, Pashto; Arabic the fallback)
 */
export default function rehypeTextDirection(options?: TextDirectionOptions) {
  const { languages } = options ?? emptyOptions;
  const among = languages && languages.length > 0 ? languages : regionLanguages;
  return (tree: Root) => {
    const arabicText = (toString(tree).match(arabicRun) ?? []).join(' ');
    const settings: Settings = { among, fallback: guessArabicLanguage(arabicText, among) ?? among[0] ?? 'ar' };
    settle(tree.children, tree.children.map((node) => direct(node, settings)), settings.fallback);
  };
}

/** Direct one node and what is inside it. */
function direct(node: RootContent, settings: Settings): Found | undefined {
  if (node.type !== 'element' || unchanged.has(node.tagName)) return undefined;
  const marked = node.properties.lang;
  if (typeof marked === 'string' && marked !== '') {
    const rtl = isRightToLeft(marked);
    node.properties.dir ??= rtl ? 'rtl' : 'ltr';
    return rtl ? marked : 'ltr';
  }
  const blocks = node.children.some((child) => child.type === 'element' && (textBlocks.has(child.tagName) || containers.has(child.tagName)));
  if (containers.has(node.tagName) && blocks) return directContainer(node, settings);
  if (!textBlocks.has(node.tagName)) {
    isolateRuns(node, settings);
    return undefined;
  }
  const text = toString(node);
  const arabic = text.match(arabicLetters)?.length ?? 0;
  const other = text.match(otherLetters)?.length ?? 0;
  if (arabic === 0 && other === 0) return undefined;
  if (arabic <= other) {
    isolateRuns(node, settings);
    return 'ltr';
  }
  node.properties.dir = 'rtl';
  const lang = guessArabicLanguage(text, settings.among);
  if (!lang) return 'rtl?';
  node.properties.lang = lang;
  return lang;
}

/** A list, table or quotation is right to left when every block in it is; its language is guessed from all of them. */
function directContainer(node: Element, settings: Settings): Found | undefined {
  const found = node.children.map((child) => direct(child, settings));
  const directed = found.filter((value) => value !== undefined);
  if (directed.length === 0) return undefined;
  if (directed.includes('ltr')) {
    settle(node.children, found, settings.fallback);
    return 'ltr';
  }
  node.properties.dir = 'rtl';
  const lang = guessArabicLanguage(toString(node), settings.among);
  if (lang) node.properties.lang = lang;
  // Blocks with no letters of their own (a one-word cell) take the language of the whole.
  settle(node.children, found, lang);
  return lang ?? 'rtl?';
}

/** Tag the right-to-left blocks whose language is not known yet (none: they take the language around them). */
function settle(children: readonly RootContent[], found: readonly (Found | undefined)[], lang: string | undefined): void {
  if (!lang) return;
  children.forEach((child, index) => {
    if (found[index] === 'rtl?' && child.type === 'element') child.properties.lang = lang;
  });
}

/** Wrap each Arabic-script run in the text under `node` in a `<bdi>` with its direction and language. */
function isolateRuns(node: Element, settings: Settings): void {
  if (unchanged.has(node.tagName) || node.tagName === 'bdi') return;
  if (typeof node.properties.lang === 'string' && node.properties.lang !== '') {
    direct(node, settings);
    return;
  }
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') isolateRuns(child, settings);
    if (child.type !== 'text' || !arabicLetter.test(child.value)) return [child];
    // Each piece keeps the whole text's position, so messages about its characters still find them in the source.
    const text = (value: string): ElementContent => ({ type: 'text', value, ...(child.position ? { position: child.position } : {}) });
    const pieces: ElementContent[] = [];
    let last = 0;
    for (const match of child.value.matchAll(arabicRun)) {
      if (match.index > last) pieces.push(text(child.value.slice(last, match.index)));
      const run = match[0];
      pieces.push({ type: 'element', tagName: 'bdi', properties: { dir: 'rtl', lang: guessArabicLanguage(run, settings.among) ?? settings.fallback }, children: [text(run)] });
      last = match.index + run.length;
    }
    if (last < child.value.length) pieces.push(text(child.value.slice(last)));
    return pieces;
  });
}
