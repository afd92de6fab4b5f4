import * as v from 'valibot';

/** A person named on the inner cover: a plain name, or a name with a role line. */
const Person = v.union([
  v.pipe(v.string(), v.nonEmpty('Write a name here, or remove the key.')),
  v.strictObject({
    name: v.pipe(v.string(), v.nonEmpty('Write the name.')),
    role: v.optional(v.string()),
  }),
]);

const Colour = v.pipe(
  v.string(),
  v.regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'Write a colour as #RRGGBB, for example "#1f3a5f".'),
);

/** Font files (inside the manuscript folder) for one family: regular is required, the rest fall back. */
const FontFiles = v.strictObject({
  family: v.optional(v.string()),
  regular: v.string(),
  italic: v.optional(v.string()),
  bold: v.optional(v.string()),
  boldItalic: v.optional(v.string()),
});

/** The one schema for `report.yaml`: types, validation and messages all come from it. */
export const ReportSchema = v.strictObject({
  title: v.pipe(v.string('Write the report title as text.'), v.nonEmpty('The title must not be empty.')),
  subtitle: v.optional(v.string()),
  event: v.optional(v.string()),
  date: v.optional(v.string()),
  venue: v.optional(v.string()),
  organisation: v.optional(v.string()),
  department: v.optional(v.string()),
  sponsor: v.optional(Person),
  sponsorLabel: v.optional(v.string(), 'Sponsor'),
  compiler: v.optional(Person),
  compilerLabel: v.optional(v.string(), 'Compiled by'),
  author: v.optional(v.string()),
  subject: v.optional(v.string()),
  keywords: v.optional(v.array(v.string())),
  published: v.optional(
    v.pipe(
      v.union([v.string(), v.date()]),
      v.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)),
      v.isoDate('Write the publication date as YYYY-MM-DD, for example 2024-02-15.'),
    ),
  ),
  disclaimer: v.optional(v.string()),
  disclaimerTitle: v.optional(v.string(), 'Disclaimer'),
  logo: v.optional(v.string()),
  organisationLogo: v.optional(v.string()),
  language: v.optional(v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'Write a language tag such as en-GB.')), 'en-GB'),
  contents: v.optional(
    v.strictObject({
      title: v.optional(v.string(), 'Contents'),
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
      text: v.optional(v.string()),
    }),
    {},
  ),
  page: v.optional(
    v.strictObject({
      /** The trimmed page size. */
      size: v.optional(v.picklist(['A4', 'A5', 'Letter'], 'Write A4, A5 or Letter.'), 'A4'),
      /** Bleed of the print edition, in millimetres. */
      bleed: v.optional(v.pipe(v.number('Write the bleed in millimetres, for example 3.'), v.minValue(0), v.maxValue(10)), 3),
    }),
    { size: 'A4', bleed: 3 },
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
        }),
        {},
      ),
    }),
    {},
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
/** The keys `report.yaml` accepts at its top level. */
export const reportKeys: readonly string[] = Object.keys(ReportSchema.entries);
