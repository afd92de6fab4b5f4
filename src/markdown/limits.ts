/**
 * How large the structures of a chapter may be. Generous for real reports (a policy paper nests lists three deep
 * and has tables of a dozen columns), small enough that no stage runs out of stack, memory or time on them: each
 * is checked before the stage that would suffer from it, and exceeding one is an error at its position.
 */
export const limits = {
  /** Block quotes and list items inside one another. */
  nesting: 32,
  /** Columns of white space before a line's text (tabs count 4). */
  indent: 200,
  /** Elements inside one another anywhere in a chapter's tree (emphasis, links, raw HTML included). */
  depth: 160,
  /** Columns of a table: more cannot fit the width of a page. */
  tableColumns: 20,
  /** Characters of one heading: it stands in the contents, a running head and the bookmarks. */
  headingLength: 500,
  /** Characters of one paragraph or table row (a page holds about 4,000). */
  blockLength: 30_000,
  /** Emphasis marks, brackets and backticks in one paragraph or table row (a real one has a few dozen). */
  blockMarkup: 2_000,
  /** The same in a whole chapter (the seminar report's chapters have at most 60). */
  chapterMarkup: 10_000,
  /** Rows of one table (the table parser's time grows faster than their number; a page holds about 40). */
  tableRows: 2_000,
  /** Cell separators on one line of a table (the parser splits a row in quadratic time). */
  linePipes: 64,
} as const;
