import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Give each block of a `:::passage{lang=…}` the passage's language and drop the box around them: a heading in a
 * passage is then a heading of its chapter like any other (its title, running head, contents entry and bookmark),
 * and every paragraph, list or table carries its own `lang` into the PDF's structure.
 */
export default function rehypeUnwrapPassages() {
  return (tree: Root) => {
    tree.children = tree.children.flatMap((node): RootContent[] => (node.type === 'element' ? unwrap(node) : [node]));
  };
}

/** The element, or the blocks of a passage (with its language) in its place; passages inside it likewise. */
function unwrap(node: Element): ElementContent[] {
  node.children = node.children.flatMap((child): ElementContent[] => (child.type === 'element' ? unwrap(child) : [child]));
  if (!isPassage(node)) return [node];
  const lang = node.properties['lang'];
  for (const child of node.children) if (child.type === 'element' && typeof lang === 'string' && child.properties['lang'] === undefined) child.properties['lang'] = lang;
  return node.children;
}

function isPassage(node: Element): boolean {
  const className = node.properties['className'];
  return node.tagName === 'div' && Array.isArray(className) && className.includes('passage');
}
