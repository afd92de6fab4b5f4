import type { Beacon } from '../../render/browser/mark-structure.js';
import { descendants, type StructureNode } from './structure-node.js';

/** The standard type each kind of marked element becomes. */
const types: Readonly<Record<Beacon['kind'], string>> = { Sect: 'Sect', Contents: 'Sect', Note: 'Note', NoteCall: 'Reference', Art: 'Art' };

/**
 * Give the elements the page marked as articles (Chromium writes each as `Art`, in document order) the type they
 * stand for: Sect for a chapter or a front or back matter section, Note for a footnote, Reference for a note call.
 * @param document the Document element, changed in place
 * @param beacons what each marked element stands for, in document order (see `markStructure`)
 * @returns whether the marked elements were found (as many Art elements as beacons); when not, nothing is changed
 */
export function nameMarkedElements(document: StructureNode, beacons: readonly Beacon[]): boolean {
  const marked = descendants(document).filter((node) => node.type === 'Art');
  if (marked.length !== beacons.length) return false;
  marked.forEach((node, index) => {
    const beacon = beacons[index] as Beacon;
    node.type = types[beacon.kind];
    node.beacon = beacon;
  });
  return true;
}
