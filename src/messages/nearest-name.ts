import { distance } from 'fastest-levenshtein';

/**
 * The name a mistyped one most likely meant, for a message's "did you mean": the closest of the names given, when
 * it is a few letters away (at most a third of the typed name's length, one at least), so that a name nothing
 * carries gets no guess.
 * @param typed the name as typed, which nothing carries
 * @param names the names there are
 * @param fold how both are read before they are compared (as they are, unless told otherwise)
 */
export function nearestName(typed: string, names: Iterable<string>, fold: (name: string) => string = (name) => name): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const steps = distance(fold(typed), fold(candidate));
    if (!best || steps < best.distance) best = { name: candidate, distance: steps };
  }
  return best && best.distance <= Math.max(1, Math.floor(typed.length / 3)) ? best.name : undefined;
}
