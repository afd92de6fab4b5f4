import { PDFArray, type PDFContext, PDFDict, PDFName, type PDFObject } from 'pdf-lib';

/**
 * The key, value, key, value… of a number or name tree, however deep.
 * @param context the PDF's objects
 * @param tree the tree's root (or a reference to it)
 * @param leaves `Nums` for a number tree, `Names` for a name tree
 */
export function flatTree(context: PDFContext, tree: PDFObject | undefined, leaves: 'Nums' | 'Names'): PDFObject[] {
  const node = tree ? context.lookup(tree) : undefined;
  if (!(node instanceof PDFDict)) return [];
  const own = node.lookupMaybe(PDFName.of(leaves), PDFArray)?.asArray() ?? [];
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? [];
  return [...own, ...kids.flatMap((kid) => flatTree(context, kid, leaves))];
}
