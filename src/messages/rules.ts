/**
 * Every check Folio makes on a manuscript, by rule id: its severity and what the author should do.
 * docs/manuscript.md lists them all (a test keeps the two in step).
 */
export const rules = {
  'yaml-syntax': { severity: 'error', help: 'report.yaml is not valid YAML: check the indentation and the quotes on the line named.' },
  'config-unknown-key': { severity: 'error', help: 'report.yaml has a key Folio does not know (often a typo): use the suggested key or remove it.' },
  'config-missing-title': { severity: 'error', help: 'report.yaml has no `title:`: add one.' },
  'config-invalid': { severity: 'error', help: 'A report.yaml value has the wrong form (text, number, list, date): write it as the message says.' },
  'no-chapters': { severity: 'error', help: 'The folder has no chapter files: add `.md` files next to report.yaml.' },
  encoding: { severity: 'error', help: 'A chapter is not UTF-8 text: save it again as UTF-8 in the editor.' },
  'chapter-empty': { severity: 'warning', help: 'A chapter file is empty: write it or delete it.' },
  'chapter-title': { severity: 'warning', help: 'A chapter does not start with a `# Title`: without one it has no running head and no contents entry.' },
  'image-missing': { severity: 'error', help: 'An image (or a file named in report.yaml) is not where the path says: fix the path or add the file.' },
  'image-outside': { severity: 'error', help: 'An image path leads out of the manuscript folder: copy the file into the folder.' },
  'image-remote': { severity: 'error', help: 'An image is a web address: download it into images/ so the report builds offline.' },
  'image-unreadable': { severity: 'error', help: 'An image file cannot be placed: a HEIC phone photo (convert it to JPEG), a broken file, or a format a PDF cannot show.' },
  'image-alt': { severity: 'warning', help: 'An image has no alt text: describe it in the brackets, for readers who cannot see it.' },
  'image-resolution': { severity: 'warning', help: 'A photo has fewer than 150 pixels per inch at the size the theme prints it: it will look soft. Use a larger original.' },
  'font-missing-glyph': { severity: 'warning', help: 'A character the report\'s fonts cannot show (another script, an emoji, a rare symbol): it would print in a fallback font or as a box. Choose theme fonts that have it, or write it differently.' },
  'link-anchor': { severity: 'warning', help: 'A link points at `#something` that is no heading or note in the report: use the heading\'s id (its text in lower case, spaces as hyphens).' },
  'heading-duplicate': { severity: 'warning', help: 'Two chapters or sections have the same title: the contents shows them twice. Make them distinct.' },
  'directive-unknown': { severity: 'error', help: 'A `:::name` or `::name` directive Folio does not know, or written with the wrong number of colons.' },
  'directive-attribute': { severity: 'warning', help: 'A directive has an attribute it does not take: it is ignored; check the spelling against the list in the message.' },
  'speaker-name': { severity: 'error', help: 'A `::speaker` has no name in its brackets: write `::speaker[Name]{…}`.' },
  'directive-content': { severity: 'warning', help: 'A directive holds something it cannot use (text inside :::speakers, a programme without a table, a gallery without photos).' },
  'directive-empty': { severity: 'warning', help: 'A takeaways box has nothing in it.' },
  'speaker-photo': { severity: 'warning', help: 'A speaker has no photo: the panel shows initials until `photo=` is given.' },
  'gallery-caption': { severity: 'warning', help: 'A gallery photo has no caption: add it in quotes after the path.' },
  'raw-html': { severity: 'warning', help: 'HTML in a chapter keeps only harmless formatting (b, i, sup, sub, span, tables, …); scripts, event handlers, iframes, stylesheets, images and other elements or attributes are removed. Write it in Markdown.' },
  'heading-skip': { severity: 'warning', help: 'A heading skips a level (### right after #): the contents and bookmarks lose their shape. Use the next level down.' },
  'colour-contrast': { severity: 'warning', help: 'A theme colour in report.yaml is too light to read as text on white (WCAG 2.2 AA asks 4.5:1): choose a darker shade of it.' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; help: string }>;

/** The id of one of Folio's checks. */
export type RuleId = keyof typeof rules;
