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
  'directive-unknown': { severity: 'error', help: 'A `:::name` or `::name` directive Folio does not know, or written with the wrong number of colons.' },
  'directive-attribute': { severity: 'warning', help: 'A directive has an attribute it does not take: it is ignored; check the spelling against the list in the message.' },
  'speaker-name': { severity: 'error', help: 'A `::speaker` has no name in its brackets: write `::speaker[Name]{…}`.' },
  'directive-content': { severity: 'warning', help: 'A directive holds something it cannot use (text inside :::speakers, a programme without a table, a gallery without photos).' },
  'directive-empty': { severity: 'warning', help: 'A takeaways box has nothing in it.' },
  'speaker-photo': { severity: 'warning', help: 'A speaker has no photo: the panel shows initials until `photo=` is given.' },
  'gallery-caption': { severity: 'warning', help: 'A gallery photo has no caption: add it in quotes after the path.' },
  'raw-html': { severity: 'warning', help: 'HTML pasted into a chapter is left out of the report: write it in Markdown.' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; help: string }>;

/** The id of one of Folio's checks. */
export type RuleId = keyof typeof rules;
