import { marker, type ImportRule, type Loss } from './loss-marker.js';

/**
 * Add a loss found during conversion to the list and give the marker to leave in the text where it was.
 * @param losses the import's losses (appended to)
 * @param rule the import rule
 * @param reason what was lost and what to do
 * @param near the draft's text it concerns, when no marker can hold its place
 */
export function recordLoss(losses: Loss[], rule: ImportRule, reason: string, near?: string): string {
  const id = losses.length + 1;
  losses.push({ id, rule, reason, ...(near && { near }) });
  return marker(id);
}
