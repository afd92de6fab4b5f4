import { joinPieces } from './join-pieces.js';
import { elementKids, type StructureNode } from './structure-node.js';

/**
 * Put every footnote's Note right after the Reference that calls it, in the same paragraph, so that it is read
 * where it is called rather than after the page's last line (a note split across pages is joined first); a note
 * whose call is not found stays where it is.
 * @param document the Document element, changed in place
 */
export function placeNotes(document: StructureNode): void {
  const calls = new Map<string, { parent: StructureNode; call: StructureNode }>();
  const notes: { parent: StructureNode; note: StructureNode }[] = [];
  const visit = (parent: StructureNode): void => {
    for (const kid of elementKids(parent)) {
      const id = kid.beacon?.note;
      if (id && kid.beacon?.kind === 'NoteCall' && !calls.has(id)) calls.set(id, { parent, call: kid });
      if (id && kid.beacon?.kind === 'Note') notes.push({ parent, note: kid });
      visit(kid);
    }
  };
  visit(document);
  const firsts = new Map<string, StructureNode>();
  for (const { parent, note } of notes) {
    // A note split across pages: its continuation joins the first piece.
    const first = firsts.get(note.beacon?.note ?? '');
    if (first && note.beacon?.continues) {
      joinPieces(parent, first, note, note.beacon.continues);
      continue;
    }
    firsts.set(note.beacon?.note ?? '', note);
    const place = calls.get(note.beacon?.note ?? '');
    if (!place) continue;
    parent.kids = parent.kids.filter((kid) => kid !== note);
    place.parent.kids.splice(place.parent.kids.indexOf(place.call) + 1, 0, note);
  }
}
