import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Options for {@link rehypeHyphenate}. */
export interface Options {
  /** Inserts soft hyphens into a string (from the `hyphen` package's patterns for the report's language). */
  readonly hyphenate: (text: string) => string;
}

const skipped = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'a', 'script', 'style', 'figcaption', 'caption']);

/**
 * Insert soft hyphens into running text at build time: Chromium here ships no hyphenation dictionaries,
 * so `hyphens: auto` alone would do nothing. Headings, code, links, captions and right-to-left text are left whole.
 * @param options the hyphenation function
 */
export default function rehypeHyphenate(options: Options) {
  const { hyphenate } = options;
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element' && skipped.has(node.tagName)) return SKIP;
      // The report's patterns are for its own language; right-to-left scripts are not hyphenated.
      if (node.type === 'element' && node.properties.dir === 'rtl') return SKIP;
      if (node.type === 'text') node.value = hyphenate(node.value);
      return undefined;
    });
  };
}
