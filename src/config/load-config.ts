import { LineCounter, parseDocument } from 'yaml';
import * as v from 'valibot';
import { closest, distance } from 'fastest-levenshtein';
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { ReportSchema, reportKeys, type ReportConfig } from './report-schema.js';
import { unfoldParagraphs } from './unfold-paragraphs.js';
import { yamlPosition } from './yaml-position.js';
import { error } from '../messages/emit.js';

/** A validated `report.yaml`, with a way to point back into it. */
export interface LoadedConfig {
  readonly config: ReportConfig;
  /** Where the value at a key path stands in report.yaml, for messages about it. */
  readonly locate: (path: readonly (string | number)[]) => Position | undefined;
}

/**
 * Parse and validate `report.yaml`; every problem becomes a positioned message on `file`.
 * @param file the `report.yaml` file, its text in `value`
 * @returns the validated configuration, or undefined when it cannot be read. When only some keys are wrong (a
 * typo, a value of the wrong form), it is the configuration without them, so that the chapters can still be checked
 * in the same run; the errors on `file` still stop a build.
 */
export function loadConfig(file: VFile): LoadedConfig | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(String(file.value), { lineCounter, prettyErrors: false });
  // The first syntax error is the one to fix; the rest usually follow from it.
  for (const problem of doc.errors.slice(0, 1)) {
    const start = lineCounter.linePos(problem.pos[0]);
    // The parser runs out of stack on lists or maps nested thousands deep: say what that means for the author.
    const reason = /call stack/i.test(problem.message) ? 'values are nested inside one another far too deeply ([[[… or ever deeper indentation)' : firstLine(problem.message);
    error(file, `YAML syntax error: ${reason}. Check the indentation and quoting on this line.`, 'yaml-syntax', {
      line: start.line,
      column: start.col,
    });
  }
  if (doc.errors.length > 0) return undefined;

  unfoldParagraphs(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (problem) {
    // Aliases (`*name`) that point nowhere, or expand without end, only fail when the values are read.
    const reason = problem instanceof Error ? firstLine(problem.message) : String(problem);
    error(file, `YAML problem: ${reason}. A value that starts with * or & must be put in quotes.`, 'yaml-syntax', { line: 1, column: 1 });
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    error(file, 'report.yaml must be a list of `key: value` lines, starting with `title: Your report title`.', 'config-invalid', { line: 1, column: 1 });
    return undefined;
  }
  const result = v.safeParse(ReportSchema, data);
  if (result.success) return { config: result.output, locate: (path) => yamlPosition(doc, lineCounter, path) };

  for (const issue of result.issues.flatMap((found) => withinMatchingBranch(found))) {
    const path = issue.keys;
    if (issue.expected === 'never' && path.length > 0) {
      const parent = path.slice(0, -1);
      const known = parent.length === 0 ? reportKeys : knownKeysAt(parent);
      const place = yamlPosition(doc, lineCounter, path, true);
      const key = String(path.at(-1));
      const likely = known.length > 0 ? closest(key, [...known]) : undefined;
      const hint = likely && distance(key.toLowerCase(), likely.toLowerCase()) <= Math.max(2, key.length / 3) ? `Did you mean \`${likely}\`? ` : '';
      error(file, `Unknown key ${describeKeys(path)}. ${hint}Remove it or use one of: ${known.join(', ')}.`, 'config-unknown-key', place);
    } else if (path.length === 1 && path[0] === 'title' && issue.received === 'undefined') {
      error(file, 'The report has no `title`. Add a line `title: Your report title`.', 'config-missing-title', { line: 1, column: 1 });
    } else {
      const place = yamlPosition(doc, lineCounter, path);
      const what = issue.received === 'undefined' ? 'is missing' : `has a wrong value (${issue.received})`;
      const missingKey = issue.received === 'undefined' && typeof path.at(-1) === 'string' ? `Add a line \`${String(path.at(-1))}: …\` there.` : undefined;
      const hint = issue.message.startsWith('Invalid') ? (missingKey ?? `Write ${expectedWording[issue.expected ?? ''] ?? issue.expected ?? 'another value'} here.`) : issue.message;
      const subject = path.length === 0 ? '`report.yaml`' : describeKeys(path);
      error(file, `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${what}. ${hint}`, 'config-invalid', place);
    }
  }
  // What stands without the wrong keys and values; a missing title, or a value nothing can stand in for, does not.
  const rest = v.safeParse(ReportSchema, withoutKeys(data, result.issues.flatMap((found) => withinMatchingBranch(found)).map((issue) => issue.keys)));
  return rest.success ? { config: rest.output, locate: (path) => yamlPosition(doc, lineCounter, path) } : undefined;
}

/**
 * A copy of the data without the values at the paths given (a key of a map left out, an entry of a list taken out).
 * @param data report.yaml's values
 * @param paths the keys from the root to each value to leave out
 */
function withoutKeys(data: unknown, paths: readonly (readonly (string | number)[])[]): unknown {
  const copy: unknown = structuredClone(data);
  // From the last list entry to the first, so that taking one out does not move the others.
  const index = (path: readonly (string | number)[]) => { const last = path.at(-1); return typeof last === 'number' ? last : -1; };
  const sorted = [...paths].sort((a, b) => index(b) - index(a));
  for (const path of sorted) {
    const parent = path.slice(0, -1).reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined), copy);
    const key = path.at(-1);
    if (key === undefined || !parent || typeof parent !== 'object') continue;
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete (parent as Record<string | number, unknown>)[key];
  }
  return copy;
}

/** A schema issue with the keys from the document's root to the value it is about. */
type PlacedIssue = v.BaseIssue<unknown> & { readonly keys: readonly (string | number)[] };

/**
 * A value that is one of several forms (an author: a name, or `name:` and `role:` lines) fails as a whole; when it
 * has the shape of one form, the problems inside that form say more (`rolle` is not a key), so report those.
 * Their paths start where the form does.
 */
function withinMatchingBranch(issue: v.BaseIssue<unknown>, prefix: readonly (string | number)[] = []): PlacedIssue[] {
  const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key as string | number)];
  const inner = (issue.issues ?? []).filter((sub) => (sub.path?.length ?? 0) > 0);
  if (issue.type === 'union' && inner.length > 0) return inner.flatMap((sub) => withinMatchingBranch(sub, keys));
  return [{ ...issue, keys }];
}

/** How to say what a key wants, for people who do not speak schema. */
const expectedWording: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Array: 'a list, such as [peace, trade] or one "- item" per line',
  Object: 'indented `key: value` lines',
  '(string | Object)': 'a name, or `name:` and `role:` lines indented below the key',
};

/** Known keys of the nested object at `path` in the schema, for suggestions. */
function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schema: unknown = ReportSchema;
  for (const key of path) {
    schema = unwrap(schema);
    const { entries, item } = schema as { entries?: Record<string, unknown>; item?: unknown };
    schema = typeof key === 'number' ? item : entries?.[key];
  }
  const entries = (unwrap(schema) as { entries?: Record<string, unknown> } | undefined)?.entries;
  return entries ? Object.keys(entries) : [];
}

/** Look through `optional()` wrappers, and to the form of a union that takes keys, to the object schema inside. */
function unwrap(schema: unknown): unknown {
  let current = schema as { type?: string; wrapped?: unknown; options?: unknown[] } | undefined;
  for (;;) {
    if (current?.type === 'optional' && current.wrapped) current = current.wrapped as typeof current;
    else if (current?.type === 'union' && current.options) current = (current.options.find((option) => (option as { entries?: unknown }).entries) ?? current.options[0]) as typeof current;
    else return current;
  }
}

/**
 * Keys as an author reads them: `theme.colors.primary`, and in a list `role` in entry 2 of `authors` (the YAML
 * counts from 0, people from 1).
 */
function describeKeys(path: readonly (string | number)[]): string {
  if (path.every((key) => typeof key === 'string')) return `\`${path.join('.')}\``;
  const last = path.at(-1) as string | number;
  const rest = path.slice(0, -1);
  const inside = rest.length > 0 ? describeKeys(rest) : 'report.yaml';
  return typeof last === 'number' ? `entry ${last + 1} of ${inside}` : `\`${last}\` in ${inside}`;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
