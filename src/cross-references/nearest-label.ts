import { distance } from 'fastest-levenshtein';

/**
 * The label a mistyped reference most likely meant: the closest of the labels given, when it is a few letters
 * away (at most a third of the label's length), so that a reference to something never labelled gets no guess.
 * @param label the label referred to, which nothing carries
 * @param labels the labels the report gives (`fig-…`, `tbl-…`, `sec-…`)
 */
export function nearestLabel(label: string, labels: Iterable<string>): string | undefined {
  let best: { label: string; distance: number } | undefined;
  for (const candidate of labels) {
    if (!/^(?:fig|tbl|sec)-/.test(candidate)) continue;
    const steps = distance(label, candidate);
    if (!best || steps < best.distance) best = { label: candidate, distance: steps };
  }
  return best && best.distance <= Math.max(1, Math.floor(label.length / 3)) ? best.label : undefined;
}
