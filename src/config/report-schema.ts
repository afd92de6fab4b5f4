import * as v from 'valibot';
import { isArabicScript } from '../html/is-arabic-script.js';
import { isbn13 } from './isbn.js';

/** A line of text on a cover or title page: a running head or a contents entry cannot hold a page of it. */
const Line = v.pipe(v.string(), v.maxLength(300, 'Keep this to one line of at most 300 characters.'));
/** A paragraph or two, such as the disclaimer: it must fit on its page. */
const Passage = v.pipe(v.string(), v.maxLength(3000, 'Keep this to at most 3,000 characters: it must fit on its page. Put longer text in a chapter.'));

/** A person named on the inner cover: a plain name, or a name with a role line. */
const Person = v.union([
  v.pipe(Line, v.nonEmpty('Write a name here, or remove the key.')),
  v.strictObject({
    name: v.pipe(Line, v.nonEmpty('Write the name.')),
    role: v.optional(Line),
  }),
]);

/** One author: a plain name, or name with role and affiliation. */
const Author = v.union([
  v.pipe(Line, v.nonEmpty('Write a name here, or remove the line.')),
  v.strictObject({
    name: v.pipe(Line, v.nonEmpty('Write the name.')),
    role: v.optional(Line),
    affiliation: v.optional(Line),
  }),
]);

/** An ISBN-10 or ISBN-13 with a correct check digit, printed as ISBN-13. */
const Isbn = v.pipe(
  v.union([v.string(), v.number()], 'Write the ISBN in quotes, for example "978-0-306-40615-7".'),
  v.transform((value) => String(value)),
  v.check((value) => isbn13(value) !== undefined, 'This is not a valid ISBN: check the digits (the last one is a check digit) against the publisher\'s record.'),
  v.transform((value) => isbn13(value) ?? value),
);

const Colour = v.pipe(
  v.string(),
  v.regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'Write a colour as #RRGGBB, for example "#1f3a5f".'),
);

/** Font files (inside the manuscript folder) for one family: regular is required, the rest fall back. */
const FontFiles = v.strictObject({
  // A name, not CSS: it is written into the theme's stylesheet (escaped as well).
  family: v.optional(v.pipe(v.string(), v.regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,63}$/u, 'Write a font family name of letters, digits, spaces and hyphens (at most 64), for example "Noto Serif".'))),
  regular: v.string(),
  italic: v.optional(v.string()),
  bold: v.optional(v.string()),
  boldItalic: v.optional(v.string()),
});

/** The one schema for `report.yaml`: types, validation and messages all come from it. */
export const ReportSchema = v.strictObject({
  title: v.pipe(v.string('Write the report title as text.'), v.nonEmpty('The title must not be empty.'), v.maxLength(300, 'Keep the title to at most 300 characters: it stands in every running head. Put the rest in `subtitle`.')),
  subtitle: v.optional(Line),
  event: v.optional(Line),
  date: v.optional(Line),
  venue: v.optional(Line),
  organisation: v.optional(Line),
  department: v.optional(Line),
  sponsor: v.optional(Person),
  sponsorLabel: v.optional(Line, 'Sponsor'),
  compiler: v.optional(Person),
  compilerLabel: v.optional(Line, 'Compiled by'),
  author: v.optional(Line),
  authors: v.optional(v.array(Author)),
  series: v.optional(Line),
  number: v.optional(v.pipe(v.union([v.string(), v.number()], 'Write the number in the series, for example 14.'), v.transform((value) => String(value)), v.maxLength(20, 'Write the number in the series, for example 14.'))),
  isbn: v.optional(Isbn),
  subject: v.optional(Line),
  keywords: v.optional(v.array(Line)),
  published: v.optional(
    v.pipe(
      v.union([v.string(), v.date()]),
      v.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)),
      v.isoDate('Write the publication date as YYYY-MM-DD, for example 2024-02-15.'),
      // A date of the right form that no calendar has (2024-02-30) would print as another day.
      v.check((value) => {
        const day = new Date(`${value}T00:00:00Z`);
        return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) === value;
      }, 'This day does not exist in the calendar: check the month and the day.'),
    ),
  ),
  disclaimer: v.optional(Passage),
  disclaimerTitle: v.optional(Line, 'Disclaimer'),
  logo: v.optional(Line),
  organisationLogo: v.optional(Line),
  language: v.optional(v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'Write a language tag such as en-GB.')), 'en-GB'),
  /** The languages of the report's Arabic-script passages: Folio's guess chooses among them, the first when letters cannot tell. */
  passageLanguages: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          v.string('Write a language tag such as ur.'),
          v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'Write a language tag such as ur (Urdu), fa-AF (Dari), ps (Pashto) or ar (Arabic).'),
          v.check(isArabicScript, 'Folio guesses only among languages written in Arabic script (ur, fa, fa-AF, ps, ar, sd, …): mark a passage in another script with :::passage{lang=…}.'),
        ),
        'Write a list of language tags, for example [ur, ps].',
      ),
      v.nonEmpty('Name at least one language, or remove the key.'),
    ),
  ),
  contents: v.optional(
    v.strictObject({
      title: v.optional(Line, 'Contents'),
      depth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3)), 2),
    }),
    { title: 'Contents', depth: 2 },
  ),
  cover: v.optional(
    v.strictObject({
      image: v.optional(v.string()),
    }),
    {},
  ),
  backCover: v.optional(
    v.strictObject({
      text: v.optional(Passage),
    }),
    {},
  ),
  page: v.optional(
    v.strictObject({
      /** The trimmed page size. */
      size: v.optional(v.picklist(['A4', 'A5', 'Letter'], 'Write A4, A5 or Letter.'), 'A4'),
      /** Bleed of the print edition, in millimetres. */
      bleed: v.optional(v.pipe(v.number('Write the bleed in millimetres, for example 3.'), v.minValue(0), v.maxValue(10)), 3),
      /** Where a chapter opens in the print edition: on a right-hand page (a blank page before it when needed), or on the next page. */
      chaptersOpen: v.optional(v.picklist(['right', 'any'], 'Write right (each chapter on a right-hand page, as in a book) or any (on the next page, with no blank pages).'), 'right'),
    }),
    { size: 'A4', bleed: 3, chaptersOpen: 'right' },
  ),
  theme: v.optional(
    v.strictObject({
      colors: v.optional(
        v.strictObject({
          primary: v.optional(Colour),
          accent: v.optional(Colour),
          text: v.optional(Colour),
        }),
        {},
      ),
      fonts: v.optional(
        v.strictObject({
          text: v.optional(FontFiles),
          display: v.optional(FontFiles),
          /** Arabic, Persian, Pashto and other Arabic-script text (default Noto Naskh Arabic). */
          arabic: v.optional(FontFiles),
          /** Urdu (default Noto Nastaliq Urdu). */
          urdu: v.optional(FontFiles),
        }),
        {},
      ),
    }),
    {},
  ),
  notes: v.optional(
    v.strictObject({
      /** Where notes are printed: at the foot of the page holding their marker, after each chapter, or after the last chapter. */
      placement: v.optional(v.picklist(['footnotes', 'chapter-endnotes', 'report-endnotes'], 'Write footnotes, chapter-endnotes or report-endnotes.'), 'footnotes'),
      /** Whether note numbers start again at 1 in each chapter or run through the report. */
      numbering: v.optional(v.picklist(['chapter', 'report'], 'Write chapter or report.'), 'chapter'),
    }),
    { placement: 'footnotes', numbering: 'chapter' },
  ),
  /** The works cited: a BibTeX (.bib), CSL-JSON (.json) or CSL-YAML (.yaml) file in the folder. */
  bibliography: v.optional(v.string()),
  /** A bundled CSL style by name, or the path of a .csl file in the folder (default chicago-author-date). */
  'citation-style': v.optional(v.string()),
  /** How figures, tables and headings are numbered (default: through the report, headings unnumbered). */
  numbering: v.optional(
    v.strictObject({
      by: v.optional(v.picklist(['report', 'chapter'], 'Write report or chapter.')),
      headings: v.optional(v.boolean('Write true or false.')),
    }),
  ),
  /** Lists printed after the contents, with the pages their items land on. */
  lists: v.optional(v.array(v.picklist(['figures', 'tables'], 'Write figures or tables.'))),
});

/** `report.yaml` as written by the author. */
export type ReportInput = v.InferInput<typeof ReportSchema>;
/** `report.yaml` after validation and defaults; read-only downstream. */
export type ReportConfig = Readonly<v.InferOutput<typeof ReportSchema>>;
/** A person on the inner cover. */
export type PersonEntry = v.InferOutput<typeof Person>;
/** An author of the report. */
export type AuthorEntry = v.InferOutput<typeof Author>;
/** The keys `report.yaml` accepts at its top level. */
export const reportKeys: readonly string[] = Object.keys(ReportSchema.entries);
/** Where notes go and how they are numbered. */
export type NoteSettings = ReportConfig['notes'];
