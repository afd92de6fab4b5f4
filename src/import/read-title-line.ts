const month = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const date = `(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s*[-–]?\\s*)*${month}(?:\\s*[-–]\\s*${month})?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s*)?\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})`;
// A date that ends the line, alone or after a separator: "March 2024", "Issue Brief draft, February 2025".
const endingDate = new RegExp(`(?:^|[,–—|:]\\s*|\\s)(${date})$`, 'i');
// The kind of paper a line names, up to four words before it, and its number: "Issue Brief No. 7", "Policy Paper 14".
const seriesLine = /^((?:\p{L}[\p{L}&'’-]*\s+){0,4}(?:brief|paper|report|note|bulletin|digest|memo|memorandum|commentary|insight|series))(?:\s+(?:(?:no\.?|number|#)\s*)?(\d+[a-z]?))?(?:\s+[([]?(draft|final draft|revised draft|final|revised)[)\]]?)?$/iu;

// A byline: "By Amina Yusuf and Omar Farooq"; each name two to five words with capitals.
const byline = /^by\s+(.+)$/i;
const nameSeparator = /\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/;
const personName = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,4}$/u;

/** What a line of the title page says about the report. */
export interface TitleLine {
  readonly date?: string;
  readonly series?: string;
  readonly number?: string;
  readonly authors?: readonly string[];
  /** A word the line held that has no place in report.yaml ("draft"), left out. */
  readonly leftOut?: string;
}

/**
 * Read a title-page line made only of a date, a series (with its number) or both, or a byline: `12 May 2024`,
 * `Issue Brief No. 7`, `Issue Brief draft, February 2025`, `By Amina Yusuf and Omar Farooq`. A line with anything
 * else in it is text, and gives `undefined`.
 * @param text the line
 */
export function readTitleLine(text: string): TitleLine | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  const names = byline.exec(line)?.[1]?.split(nameSeparator);
  if (names) return names.every((name) => personName.test(name)) ? { authors: names } : undefined;
  const dated = endingDate.exec(line);
  const rest = (dated ? line.slice(0, dated.index) : line).replace(/[\s,–—|:-]+$/, '');
  if (!rest) return dated?.[1] ? { date: dated[1] } : undefined;
  const series = seriesLine.exec(rest);
  // A series name alone, without a number or a date, is too often a heading typed by hand.
  if (!series?.[1] || (!series[2] && !dated)) return undefined;
  return { series: series[1], ...(series[2] && { number: series[2] }), ...(dated?.[1] && { date: dated[1] }), ...(series[3] && { leftOut: series[3] }) };
}
