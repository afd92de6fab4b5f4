import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import type { RuleId } from './rules.js';

/** A place in a file: a point, a range, or nothing when the whole file is meant. */
export type Place = Point | Position | undefined;

/**
 * Record an error on a manuscript file: the build stops after the current stage.
 * @param file the file the problem is in
 * @param reason what is wrong and what to do about it, as a sentence
 * @param ruleId stable id of the check (see rules.ts and docs/manuscript.md)
 * @param place where in the file
 */
export function error(file: VFile, reason: string, ruleId: RuleId, place?: Place): void {
  const message = file.message(reason, { place, ruleId, source: 'folio' });
  message.fatal = true;
}

/**
 * Record a warning on a manuscript file: reported, but the build goes on.
 * @param file the file the problem is in
 * @param reason what is wrong and what to do about it, as a sentence
 * @param ruleId stable id of the check
 * @param place where in the file
 */
export function warning(file: VFile, reason: string, ruleId: RuleId, place?: Place): void {
  file.message(reason, { place, ruleId, source: 'folio' });
}

/**
 * Record information on a manuscript file: reported, never a problem.
 * @param file the file it is about
 * @param reason what is worth knowing, as a sentence
 * @param ruleId stable id of the check
 * @param place where in the file
 */
export function info(file: VFile, reason: string, ruleId: RuleId, place?: Place): void {
  file.info(reason, { place, ruleId, source: 'folio' });
}
