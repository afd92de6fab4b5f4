import { PDFArray, type PDFContext, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFPage, PDFPageLeaf, PDFRef, PDFStream } from 'pdf-lib';
import type { PartLink } from '../render/paginate.js';
import { stabiliseStructureIds } from './stabilise-structure-ids.js';
import { flatTree } from './flat-tree.js';

const name = (key: string) => PDFName.of(key);
/** CSS pixels (96 an inch) to PDF points (72 an inch): Chromium prints one CSS pixel as ¾ point. */
const pointsPerPixel = 0.75;

/**
 * Make one PDF of the PDFs the parts of a split document printed, as if the whole had been printed at once: the
 * pages in order; the tagged structure (each part's elements under the first part's document element, the parent
 * tree renumbered); the bookmarks in one list; the named destinations together; and the links from one part to
 * another, which no part could print, added from where the browser measured them.
 * @param parts the parts' PDFs, in order: the first becomes the result
 * @param links the links between parts
 */
export function mergeParts(parts: readonly PDFDocument[], links: readonly PartLink[]): PDFDocument {
  const [base, ...rest] = parts;
  if (!base) throw new Error('mergeParts needs at least one PDF');
  if (rest.length === 0) return base;
  // Chromium names structure elements after its DOM node numbers: parts could share names.
  parts.forEach((part, index) => stabiliseStructureIds(part, `p${index + 1}-`));
  const structure = structureOf(base);
  const outlines = base.catalog.lookupMaybe(name('Outlines'), PDFDict);
  const dests = base.catalog.lookupMaybe(name('Dests'), PDFDict);

  for (const part of rest) {
    const partStructure = structureOf(part);
    const seeds = new Map<PDFRef, PDFRef>();
    if (structure && partStructure) {
      seeds.set(partStructure.rootRef, structure.rootRef);
      seeds.set(partStructure.documentRef, structure.documentRef);
    }
    const partOutlines = part.catalog.get(name('Outlines'));
    const outlinesRef = base.catalog.get(name('Outlines'));
    if (partOutlines instanceof PDFRef && outlinesRef instanceof PDFRef) seeds.set(partOutlines, outlinesRef);
    const copy = copier(part.context, base.context, seeds);
    const offset = structure?.nextKey ?? 0;

    for (const page of part.getPages()) {
      const ref = copy(page.ref) as PDFRef;
      const leaf = base.context.lookup(ref) as PDFPageLeaf;
      shiftKey(leaf, 'StructParents', offset);
      for (const annotation of leaf.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? []) {
        const dict = base.context.lookup(annotation);
        if (dict instanceof PDFDict) shiftKey(dict, 'StructParent', offset);
      }
      base.addPage(PDFPage.of(leaf, ref, base));
    }

    if (structure && partStructure) {
      for (const kid of partStructure.kids.asArray()) structure.kids.push(copy(kid));
      const entries = flatTree(part.context, partStructure.root.get(name('ParentTree')), 'Nums');
      for (let index = 0; index < entries.length; index += 2) {
        structure.parents.push(PDFNumber.of((entries[index] as PDFNumber).asNumber() + offset), copy(entries[index + 1] as PDFObject));
      }
      structure.ids.push(...flatTree(part.context, partStructure.root.get(name('IDTree')), 'Names').map((value, index) => (index % 2 === 0 ? value : copy(value))));
      structure.nextKey += (partStructure.root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0);
    }

    const partOutlineDict = part.catalog.lookupMaybe(name('Outlines'), PDFDict);
    if (outlines && partOutlineDict) appendOutlines(base.context, outlines, partOutlineDict, copy);
    const partDests = part.catalog.lookupMaybe(name('Dests'), PDFDict);
    if (dests && partDests) for (const [key, value] of partDests.entries()) dests.set(key, copy(value));
  }

  if (structure) {
    structure.root.set(name('ParentTree'), base.context.obj({ Nums: structure.parents }));
    structure.root.set(name('ParentTreeNextKey'), PDFNumber.of(structure.nextKey));
    const ids = structure.ids;
    const pairs: [PDFObject, PDFObject][] = [];
    for (let index = 0; index < ids.length; index += 2) pairs.push([ids[index] as PDFObject, ids[index + 1] as PDFObject]);
    pairs.sort(([a], [b]) => (a.toString() < b.toString() ? -1 : 1));
    structure.root.set(name('IDTree'), base.context.obj({ Names: pairs.flat() }));
  }
  addLinks(base, links);
  return base;
}

/** A copier of objects from one PDF into another, keeping each object's copy once; `seeds` maps objects that already have a counterpart. */
function copier(source: PDFContext, target: PDFContext, seeds: Map<PDFRef, PDFRef>): (value: PDFObject) => PDFObject {
  const copies = new Map(seeds);
  const copy = (value: PDFObject): PDFObject => {
    if (value instanceof PDFRef) {
      let mapped = copies.get(value);
      if (!mapped) {
        mapped = target.nextRef();
        copies.set(value, mapped);
        const found = source.lookup(value);
        if (found) target.assign(mapped, copy(found));
      }
      return mapped;
    }
    if (value instanceof PDFDict) {
      const dict = value.clone(target);
      // A page is added to the target's page tree on its own: its parent there is set then.
      if (value instanceof PDFPageLeaf) dict.delete(name('Parent'));
      for (const [key, inner] of dict.entries()) dict.set(key, copy(inner));
      return dict;
    }
    if (value instanceof PDFArray) {
      const array = value.clone(target);
      for (let index = 0; index < array.size(); index += 1) array.set(index, copy(array.get(index)));
      return array;
    }
    if (value instanceof PDFStream) {
      const stream = value.clone(target);
      for (const [key, inner] of stream.dict.entries()) stream.dict.set(key, copy(inner));
      return stream;
    }
    return value.clone(target);
  };
  return copy;
}

/** The tagged structure's parts that merging touches. */
function structureOf(doc: PDFDocument) {
  const rootRef = doc.catalog.get(name('StructTreeRoot'));
  if (!(rootRef instanceof PDFRef)) return undefined;
  const root = doc.context.lookup(rootRef, PDFDict);
  const documentRef = root.get(name('K'));
  if (!(documentRef instanceof PDFRef)) return undefined;
  const element = doc.context.lookup(documentRef, PDFDict);
  let kids = element.get(name('K'));
  if (!(kids instanceof PDFArray)) {
    kids = doc.context.obj(kids ? [kids] : []);
    element.set(name('K'), kids);
  }
  return {
    rootRef,
    root,
    documentRef,
    kids: kids as PDFArray,
    parents: flatTree(doc.context, root.get(name('ParentTree')), 'Nums'),
    ids: flatTree(doc.context, root.get(name('IDTree')), 'Names'),
    nextKey: root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0,
  };
}

function shiftKey(dict: PDFDict, key: string, offset: number): void {
  const value = dict.get(name(key));
  if (value instanceof PDFNumber) dict.set(name(key), PDFNumber.of(value.asNumber() + offset));
}

/** Put a part's top-level bookmarks after the document's. */
function appendOutlines(context: PDFContext, outlines: PDFDict, part: PDFDict, copy: (value: PDFObject) => PDFObject): void {
  const first = part.get(name('First'));
  const last = part.get(name('Last'));
  if (!(first instanceof PDFRef) || !(last instanceof PDFRef)) return;
  const copiedFirst = copy(first) as PDFRef;
  const copiedLast = copy(last) as PDFRef;
  const previous = outlines.get(name('Last'));
  if (previous instanceof PDFRef) {
    context.lookup(previous, PDFDict).set(name('Next'), copiedFirst);
    context.lookup(copiedFirst, PDFDict).set(name('Prev'), previous);
  } else {
    outlines.set(name('First'), copiedFirst);
  }
  outlines.set(name('Last'), copiedLast);
  const count = (dict: PDFDict) => dict.lookupMaybe(name('Count'), PDFNumber)?.asNumber() ?? 0;
  outlines.set(name('Count'), PDFNumber.of(count(outlines) + count(part)));
}

/** Link annotations for the links between parts, pointing at the exact place of their target. */
function addLinks(doc: PDFDocument, links: readonly PartLink[]): void {
  const pages = doc.getPages();
  for (const link of links) {
    const page = pages[link.page - 1];
    const target = pages[link.to.page - 1];
    if (!page || !target) continue;
    const height = page.getMediaBox().height;
    const targetHeight = target.getMediaBox().height;
    const destination = [target.ref, 'XYZ', link.to.x * pointsPerPixel, targetHeight - link.to.y * pointsPerPixel, 0];
    for (const rect of link.rects) {
      const annotation = doc.context.register(
        doc.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          F: 4,
          Border: [0, 0, 0],
          Rect: [rect.x * pointsPerPixel, height - (rect.y + rect.height) * pointsPerPixel, (rect.x + rect.width) * pointsPerPixel, height - rect.y * pointsPerPixel],
          Dest: destination,
        }),
      );
      let annotations = page.node.lookupMaybe(name('Annots'), PDFArray);
      if (!annotations) {
        annotations = doc.context.obj([]);
        page.node.set(name('Annots'), annotations);
      }
      annotations.push(annotation);
    }
  }
}
