import type { PDFDict, PDFRef } from 'pdf-lib';
import type { Beacon } from '../../render/browser/mark-structure.js';

/** Marked content a structure element holds: its MCID on a page (as a number or an MCR dictionary in the file). */
export interface ContentKid {
  readonly kind: 'content';
  /** 1-based page. */
  readonly page: number;
  readonly mcid: number;
}

/** An annotation a structure element holds (an OBJR dictionary, kept as it is). */
export interface AnnotationKid {
  readonly kind: 'annotation';
  readonly objr: PDFDict;
  /** The annotation's /StructParent key, if it has one. */
  readonly key: number | undefined;
}

/** One structure element while the tree is rewritten: its dictionary, type and kids, changed freely, written back at the end. */
export interface StructureNode {
  readonly kind: 'element';
  readonly ref: PDFRef;
  readonly dict: PDFDict;
  type: string;
  kids: StructureKid[];
  /** What the page's article markers said it stands for (see `markStructure`). */
  beacon?: Beacon | undefined;
  /** For a Link: the id it leads to, from the page's hints (`null`: not an internal link). */
  target?: string | null | undefined;
}

/** A kid of a structure element. */
export type StructureKid = StructureNode | ContentKid | AnnotationKid;

/** The elements among a node's kids. */
export function elementKids(node: StructureNode): StructureNode[] {
  return node.kids.filter((kid): kid is StructureNode => kid.kind === 'element');
}

/** Every element under a node (itself included), in document order. */
export function descendants(node: StructureNode): StructureNode[] {
  // One array, filled in document order (spreading each level's arrays cost a second on a 400-page report).
  const found: StructureNode[] = [];
  const visit = (current: StructureNode): void => {
    found.push(current);
    for (const kid of current.kids) if (kid.kind === 'element') visit(kid);
  };
  visit(node);
  return found;
}

/** The page of a node's first content, in document order, if it has any. */
export function firstPage(node: StructureNode): number | undefined {
  for (const kid of node.kids) {
    if (kid.kind === 'content') return kid.page;
    if (kid.kind === 'element') {
      const page = firstPage(kid);
      if (page !== undefined) return page;
    }
  }
  return undefined;
}
