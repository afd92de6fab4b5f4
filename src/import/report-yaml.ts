import { Document } from 'yaml';
import type { DocumentProperties } from './read-properties.js';
import { quoteExcerpt } from './quote-excerpt.js';
import type { Found, TitlePage } from './take-title-page.js';

/** One key of the new report.yaml and where its value came from. */
export interface Guess {
  readonly key: string;
  /** Where the value came from, written as the key's comment and into the import report. */
  readonly source: string;
}

/**
 * The new report.yaml: the document properties and the first page, each value commented with where it came from
 * so that the author can confirm it.
 * @param properties the draft's File › Properties
 * @param titlePage what its first page holds
 * @param draftName the draft's file name, the title of last resort
 */
export function reportYaml(properties: DocumentProperties, titlePage: TitlePage, draftName: string): { text: string; guesses: Guess[] } {
  const document = new Document({});
  const guesses: Guess[] = [];
  const set = (key: string, value: string | readonly string[] | undefined, source: string) => {
    if (value === undefined) return;
    const node = document.createNode(value);
    if (Array.isArray(value)) (node as { flow?: boolean }).flow = true;
    node.comment = ` ${source}: confirm`;
    document.set(key, node);
    guesses.push({ key, source });
  };
  const fromPage = (found: Found, style: string) => {
    if (found.from === 'style') return `from the first page, in Word's ${style} style`;
    // The import report quotes the line a value came from, a title's line too: it was taken out of the text.
    const shown = found.line ?? (style === 'Title' ? found.value : undefined);
    const line = shown ? ` ${found.bold ? 'bold ' : ''}line ${quoteExcerpt(shown)}` : '';
    return `a guess from the first page${line ? `'s${line}` : ''}${found.leftOut ? ` (“${found.leftOut}” left out)` : ''}`;
  };
  const fromProperties = "from the draft's File › Properties";
  const pageTitle = titlePage.title;
  // The first page's title wins over File › Properties, which often holds a template's or an old draft's.
  if (pageTitle) {
    const agreement = properties.title === undefined ? '' : sameText(properties.title, pageTitle.value) ? ', as in File › Properties' : ` (File › Properties has “${properties.title}”)`;
    set('title', pageTitle.value, `${fromPage(pageTitle, 'Title')}${agreement}`);
  } else if (properties.title) set('title', properties.title, fromProperties);
  else set('title', draftName.replace(/\.docx$/i, '').replace(/[-_]+/g, ' ').trim() || 'Untitled report', 'a guess from the file name');
  if (titlePage.subtitle) set('subtitle', titlePage.subtitle.value, fromPage(titlePage.subtitle, 'Subtitle'));
  if (titlePage.date) set('date', titlePage.date.value, fromPage(titlePage.date, ''));
  if (titlePage.series) set('series', titlePage.series.value, fromPage(titlePage.series, ''));
  if (titlePage.number) set('number', titlePage.number.value, fromPage(titlePage.number, ''));
  if (titlePage.authors) set('authors', titlePage.authors.names, `a guess from the first page's line ${quoteExcerpt(titlePage.authors.line)}`);
  set('author', properties.creator, `${fromProperties} (Author; only in the PDF's metadata)`);
  set('subject', properties.subject, fromProperties);
  set('keywords', properties.keywords, fromProperties);
  if (properties.language && /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(properties.language)) set('language', properties.language, fromProperties);
  document.commentBefore = ` Made by folio import from ${draftName}. Each value says where it came from: confirm it and remove the note.\n The other keys (event, venue, department, organisation, logo, …) are in docs/manuscript.md.`;
  return { text: document.toString({ lineWidth: 0 }), guesses };
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();
}
