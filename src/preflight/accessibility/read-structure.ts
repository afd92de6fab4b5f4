import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import { flatTree } from '../../pdf/flat-tree.js';

/** One structure element, with its type resolved through the role map. */
export interface StructureElement {
  readonly dict: PDFDict;
  /** The type as written (/S). */
  readonly type: string;
  /** The standard type it maps to, or the type itself when it maps to none. */
  readonly role: string;
  readonly parent: StructureElement | undefined;
  readonly children: StructureElement[];
  /** Marked-content ids and annotations it holds directly. */
  readonly mcids: { page: number | undefined; mcid: number }[];
  readonly annotations: { page: number | undefined; annotation: PDFObject | undefined }[];
  /** The 1-based page it is on (its own /Pg, its nearest ancestor's, or where its first content is). */
  page: number | undefined;
}

/** A PDF's logical structure, as the accessibility checks read it. */
export interface Structure {
  readonly root: PDFDict | undefined;
  readonly marked: boolean;
  readonly roleMap: ReadonlyMap<string, string>;
  /** Every element in document order. */
  readonly elements: readonly StructureElement[];
  /** The parent tree: key → a structure element (annotations) or an array of them by MCID (pages). */
  readonly parentTree: ReadonlyMap<number, PDFObject | undefined>;
}

/**
 * Read the structure tree of a PDF: the elements in document order with their resolved roles, pages, MCIDs and
 * annotation references, the role map, and the parent tree.
 * @param doc the PDF
 */
export function readStructure(doc: PDFDocument): Structure {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const marked = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'))?.toString() === 'true';
  const roleMap = new Map<string, string>();
  for (const [key, value] of root?.lookupMaybe(PDFName.of('RoleMap'), PDFDict)?.entries() ?? []) {
    if (value instanceof PDFName) roleMap.set(key.decodeText(), value.decodeText());
  }
  const pageIndex = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pageOf = (dict: PDFDict): number | undefined => {
    const ref = dict.get(PDFName.of('Pg'));
    return ref instanceof PDFRef ? pageIndex.get(ref.toString()) : undefined;
  };
  const elements: StructureElement[] = [];
  const seen = new Set<PDFDict>();
  const visit = (object: PDFObject | undefined, parent: StructureElement | undefined): void => {
    const value = object ? doc.context.lookup(object) : undefined;
    if (value instanceof PDFArray) {
      for (const item of value.asArray()) visit(item, parent);
    } else if (value instanceof PDFNumber) {
      parent?.mcids.push({ page: parent.page, mcid: value.asNumber() });
    } else if (value instanceof PDFDict && !seen.has(value)) {
      seen.add(value);
      const kind = value.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
      if (kind === 'MCR') {
        const mcid = value.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber();
        if (mcid !== undefined) parent?.mcids.push({ page: pageOf(value) ?? parent.page, mcid });
      } else if (kind === 'OBJR') {
        const target = value.get(PDFName.of('Obj'));
        parent?.annotations.push({ page: pageOf(value) ?? parent.page, annotation: target ? doc.context.lookup(target) : undefined });
      } else {
        const type = value.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? '';
        const element: StructureElement = { dict: value, type, role: resolveRole(type, roleMap), parent, children: [], mcids: [], annotations: [], page: pageOf(value) ?? parent?.page };
        parent?.children.push(element);
        elements.push(element);
        visit(value.get(PDFName.of('K')), element);
      }
    }
  };
  visit(root?.get(PDFName.of('K')), undefined);
  // Chromium gives a wrapper (a figure around its image) no /Pg: it is where its content begins.
  for (const element of [...elements].reverse()) element.page ??= element.mcids[0]?.page ?? element.children.find((child) => child.page !== undefined)?.page;
  const entries = flatTree(doc.context, root?.get(PDFName.of('ParentTree')), 'Nums');
  const parentTree = new Map<number, PDFObject | undefined>();
  for (let index = 0; index + 1 < entries.length; index += 2) {
    const key = entries[index];
    const entry = entries[index + 1];
    if (key instanceof PDFNumber) parentTree.set(key.asNumber(), entry ? doc.context.lookup(entry) : undefined);
  }
  return { root, marked, roleMap, elements, parentTree };
}

/** Follow the role map until it reaches a type it does not map (a cycle stops where it started). */
function resolveRole(type: string, roleMap: ReadonlyMap<string, string>): string {
  const seen = new Set([type]);
  let role = type;
  for (let next = roleMap.get(role); next !== undefined && !seen.has(next); next = roleMap.get(role)) {
    seen.add(next);
    role = next;
  }
  return role;
}
