import { nearestName } from '../messages/nearest-name.js';

/**
 * The label a mistyped reference most likely meant: the closest of the labels given, when it is a few letters
 * away (at most a third of the label's length), so that a reference to something never labelled gets no guess.
 * @param label the label referred to, which nothing carries
 * @param labels the labels the report gives (`fig-…`, `tbl-…`, `sec-…`)
 */
export function nearestLabel(label: string, labels: Iterable<string>): string | undefined {
  return nearestName(label, [...labels].filter((candidate) => /^(?:fig|tbl|sec)-/.test(candidate)));
}
