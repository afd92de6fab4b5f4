import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import * as CFB from 'cfb';
import JSZip from 'jszip';
import { check } from '../../src/build/check.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { importDocx, type ImportResult } from '../../src/import/import-docx.js';
import { FolioError } from '../../src/messages/folio-error.js';
import { packageRoot } from '../../src/package-paths.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { docxParagraphs } from '../helpers/docx-text.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfBodyText, pdfImages, pdfPages } from '../helpers/poppler.js';
import { edgeCaseDraft, noHeadingsDraft, openingTextDraft, seriesTitlePageDraft, styledBodyDraft, typedTitlePageDraft } from '../helpers/word-drafts.js';

const bin = path.join(packageRoot, 'bin', 'folio.js');

async function temporary(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'folio-import-'));
}

/** Write a draft into a fresh folder and import it next to it. */
async function importBytes(name: string, bytes: Buffer): Promise<{ draft: string; dir: string; result: ImportResult }> {
  const folder = await temporary();
  const draft = path.join(folder, name);
  await writeFile(draft, bytes);
  const dir = path.join(folder, 'manuscript');
  return { draft, dir, result: await importDocx({ draft, dir }, silentReporter()) };
}

function folio(args: string[], cwd = packageRoot) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `rule file:line: the line's text` for each message of an import. */
function where(result: ImportResult): string[] {
  return result.files.flatMap((file) => file.messages.map((message) => (message.line ? `${message.ruleId} ${path.basename(file.path)}:${message.line}: ${String(file.value ?? '').split('\n')[message.line - 1]}` : `${message.ruleId} ${path.basename(file.path)}: ${message.reason}`)));
}

describe('folio import: edge cases made with the docx library', () => {
  after(closeSharedBrowser);

  test('chapters at each Heading 1, footnotes, merged cells, a captioned picture, nested lists, mapped styles', async () => {
    const { dir, result } = await importBytes('harbour.docx', await edgeCaseDraft());
    assert.deepEqual(result.chapters, ['01-background.md', '02-options.md', '03-money.md']);
    const [background, options, money] = await Promise.all(result.chapters.map((name) => readFile(path.join(dir, name), 'utf8')));
    assert.equal(background, "# Background\n\nThe old harbour closed to freight in 1998.[^1]\n\nAbout four thousand people walk along the quay every day.[^2]\n\n> A harbour is a town’s front door.\n\n[^1]: Harbour board minutes, 12 March.\n\n[^2]: Counted on a weekday in May.\n");
    assert.match(options ?? '', /^- Keep the quay open\n {2}- Repair the north wall\n- Build a footbridge\n\n1\. Consult the residents\n {3}1\. Hold two evening meetings\n2\. Publish the plan$/m);
    assert.match(options ?? '', /^!\[The north quay at low tide\]\(images\/image-01\.png "The north quay, where the footbridge would land"\)$/m);
    assert.match(options ?? '', /^\| Quay and wall +\| 4\.2 million +\| 3 +\|\n\| +\| 0\.8 million upkeep \| 10 +\|\n\| Footbridge alone, without the quay works \| +\| 2 +\|$/m, 'merged cells: the text in the first, the covered cells empty');
    assert.match(money ?? '', /^:::takeaways\nBorrowing is cheapest before the autumn\.\n:::$/m, 'the Key Takeaways style');
    assert.match(money ?? '', /borrow up to five million\./, 'the tracked insertion kept, the deletion left out');
    assert.deepEqual(where(result).filter((line) => !line.startsWith('import-guess report.yaml')), [
      'import-header-footer harbour.docx: The draft\'s headers and footers were left out, as Folio sets its own running heads and page numbers: “Harbour Futures: draft for the board”',
      'import-comment 01-background.md:5: About four thousand people walk along the quay every day.[^2]',
      'import-table 02-options.md:13: | Option                                   | Cost               | Years |',
      'import-tracked-change 03-money.md:3: The council can borrow up to five million.',
      'import-tracked-change 03-money.md:3: The council can borrow up to five million.',
      'import-equation 03-money.md:5: Repayments follow the rule  over the loan’s life.',
      'import-drawing 03-money.md:11: The budget diagram follows.',
    ]);
    assert.ok(result.files.some((file) => file.messages.some((message) => message.ruleId === 'import-equation' && message.reason.includes('“r = L / n”'))), 'the equation is quoted');
  });

  test('the round trip: check passes, the PDF holds every paragraph, note and cell, the picture, the chapters in the contents', async () => {
    const bytes = await edgeCaseDraft();
    const { dir } = await importBytes('harbour.docx', bytes);
    assert.equal((await check(dir, silentReporter())).failed, false);
    const { output } = await buildInTemp(dir);
    const text = letters(pdfBodyText(output, 'Harbour Futures', ['Background', 'Options', 'Money']));
    // Left out on purpose and reported: the deleted word (mammoth's raw text leaves it out too) and the equation.
    const missing = (await docxParagraphs(bytes)).filter((paragraph) => !text.includes(letters(paragraph.replace('r = L / n', ''))));
    assert.deepEqual(missing, []);
    assert.ok(pdfImages(output).some((image) => image.type === 'image' && image.width >= 600), 'the picture is embedded');
    const contents = pdfPages(output).find((page) => /^\s*Contents/.test(page)) ?? '';
    for (const chapter of ['Background', 'Options', 'Money']) assert.match(contents, new RegExp(`${chapter}\\s+\\d+`));
  });

  test('a draft with no headings at all becomes one chapter under its title, with a note to rename it', async () => {
    const { dir, result } = await importBytes('field-notes.docx', await noHeadingsDraft());
    assert.deepEqual(result.chapters, ['01-notes-from-the-field-visit.md']);
    const chapter = await readFile(path.join(dir, result.chapters[0] ?? ''), 'utf8');
    assert.match(chapter, /^# Notes from the Field Visit\n\nWe left the depot at seven/);
    assert.ok(where(result).includes('import-guess 01-notes-from-the-field-visit.md:1: # Notes from the Field Visit'));
    assert.equal((await check(dir, silentReporter())).failed, false);
  });

  test('pictures linked to a web address, a file outside or a missing part are losses with advice, never read (red team, issue 9)', async () => {
    const document = (await JSZip.loadAsync(await noHeadingsDraft()));
    const picture = (id: string) => `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="3000000" cy="2000000"/><wp:docPr id="1" name="Picture" descr="A linked picture"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="x.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
    const namespaces = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
    const xml = (await document.file('word/document.xml')?.async('string')) ?? '';
    // The docx library declares these namespaces already; add any it left out.
    const declared = namespaces.split(' ').filter((declaration) => !xml.includes(`${declaration.split('=')[0] ?? ''}=`)).join(' ');
    document.file('word/document.xml', xml.replace('<w:document ', `<w:document ${declared} `).replace('<w:sectPr', `${picture('rLinkWeb')}${picture('rLinkFile')}${picture('rLinkOut')}<w:sectPr`));
    const relsName = 'word/_rels/document.xml.rels';
    const relationship = (id: string, target: string, external: boolean) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
    const rels = (await document.file(relsName)?.async('string')) ?? '';
    document.file(relsName, rels.replace('</Relationships>', `${relationship('rLinkWeb', 'http://127.0.0.1:9/picture.png', true)}${relationship('rLinkFile', 'file:///etc/hostname', true)}${relationship('rLinkOut', '../../../../etc/hostname', false)}</Relationships>`));
    const { dir, result } = await importBytes('linked.docx', await document.generateAsync({ type: 'nodebuffer' }));
    const losses = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'import-image');
    assert.equal(losses.length, 3, where(result).join('\n'));
    for (const loss of losses) assert.match(loss.reason, /linked to a file or web address instead of inserted/);
    assert.ok(!where(result).some((line) => /Cannot read properties|import-converter/.test(line)), where(result).join('\n'));
    assert.deepEqual(await readdir(dir).then((names) => names.filter((name) => name === 'images')), [], 'no picture was carried over');
  });

  test('a first page typed in the Normal style gives report.yaml a title and a date marked as guesses', async () => {
    const { dir, result } = await importBytes('review.docx', await typedTitlePageDraft());
    assert.deepEqual(result.chapters, ['01-the-year-in-brief.md']);
    assert.equal(await readFile(path.join(dir, 'report.yaml'), 'utf8'), [
      '# Made by folio import from review.docx. Each value says where it came from: confirm it and remove the note.',
      '# The other keys (event, venue, department, organisation, logo, …) are in docs/manuscript.md.',
      '',
      "title: Annual Review of the Water Board # a guess from the first page's bold line “Annual Review of the Water Board”: confirm",
      'date: 12 May 2024 # a guess from the first page: confirm',
      // What the docx library writes as the author when given none.
      "author: Un-named # from the draft's File › Properties (Author; only in the PDF's metadata): confirm",
      '',
    ].join('\n'));
    assert.equal(await readFile(path.join(dir, '01-the-year-in-brief.md'), 'utf8'), '# The Year in Brief\n\nThree new wells opened and two old ones closed.\n');
  });
});

describe('folio import: the first page and the text before the first Heading 1', () => {
  test('a bold first line is the title even when File › Properties names another (which the note quotes); a plain one that differs stays in the manuscript', async () => {
    const bold = await importBytes('bold.docx', await seriesTitlePageDraft({ bold: true }));
    const config = await readFile(path.join(bold.dir, 'report.yaml'), 'utf8');
    assert.match(config, /^title: Ferries of the Outer Bay # a guess from the first page's bold line “Ferries of the Outer Bay” \(File › Properties has “Draft3”\): confirm$/m);
    const plain = await importBytes('plain.docx', await seriesTitlePageDraft({ bold: false }));
    assert.match(await readFile(path.join(plain.dir, 'report.yaml'), 'utf8'), /^title: Draft3 # from the draft's File › Properties: confirm$/m);
    assert.equal(await readFile(path.join(plain.dir, plain.result.chapters[0] ?? ''), 'utf8'), '# Ferries of the Outer Bay\n', 'the line is kept, as the heading of the text before the first Heading 1');
  });

  test('"Issue Brief No. 7", a byline and a date line give series, number, authors and date', async () => {
    const { dir } = await importBytes('bold.docx', await seriesTitlePageDraft({ bold: true }));
    const config = await readFile(path.join(dir, 'report.yaml'), 'utf8');
    assert.match(config, /^series: Issue Brief # a guess from the first page's line “Issue Brief No\. 7”: confirm$/m);
    assert.match(config, /^number: "7" # a guess from the first page's line “Issue Brief No\. 7”: confirm$/m);
    assert.match(config, /^date: 3 June 2025 # a guess from the first page: confirm$/m);
    assert.match(config, /^authors: \[ Amina Yusuf, Omar Farooq \] # a guess from the first page's line “By Amina Yusuf and Omar Farooq”: confirm$/m);
  });

  test('text before the first Heading 1 is titled by the bold line it opens with, or by its first words: never as a later chapter', async () => {
    const typed = await importBytes('typed.docx', await openingTextDraft(true));
    assert.deepEqual(typed.result.chapters, ['01-executive-summary.md', '02-introduction.md', '03-findings.md']);
    assert.equal(await readFile(path.join(typed.dir, '01-executive-summary.md'), 'utf8'), '# Executive Summary\n\nFerries carry nine hundred people a day across the bay.\n');
    assert.ok(where(typed.result).includes('import-guess 01-executive-summary.md:1: # Executive Summary'));
    const untitled = await importBytes('untitled.docx', await openingTextDraft(false));
    assert.deepEqual(untitled.result.chapters, ['01-ferries-carry-nine-hundred-people-a.md', '02-introduction.md', '03-findings.md']);
    assert.match(await readFile(path.join(untitled.dir, untitled.result.chapters[0] ?? ''), 'utf8'), /^# Ferries carry nine hundred people a…\n/);
    const note = untitled.result.files.flatMap((file) => file.messages).find((message) => message.ruleId === 'import-guess' && message.line === 1);
    assert.match(note?.reason ?? '', /titled this chapter with its first words, “Ferries carry nine hundred people a…”: rename it/);
    for (const { dir } of [typed, untitled]) {
      const checked = await check(dir, silentReporter());
      assert.deepEqual(checked.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'heading-duplicate').map(String), []);
    }
  });
});

describe('folio import: files it cannot read, and folders it must not overwrite', () => {
  const refuses = async (name: string, bytes: Buffer, message: RegExp) => {
    const folder = await temporary();
    await writeFile(path.join(folder, name), bytes);
    await assert.rejects(importDocx({ draft: path.join(folder, name), dir: path.join(folder, 'out') }, silentReporter()), (error: Error) => error instanceof FolioError && message.test(error.message));
    assert.deepEqual(await readdir(folder), [name], 'nothing was written');
  };

  test('an old .doc, a password-protected .docx, a damaged one, another kind of file and a zip bomb each get a clear message', async () => {
    await refuses('old.doc', await readFile(path.join(fixturesDir, 'import', 'old-format.doc')), /old Word 97–2003 document \(\.doc\).*save it as Word Document \(\.docx\)/);
    // An encrypted .docx is an OLE compound file whose EncryptionInfo stream describes the key, as Word writes it.
    const encrypted = CFB.utils.cfb_new();
    CFB.utils.cfb_add(encrypted, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(encrypted, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
    await refuses('locked.docx', Buffer.from(CFB.write(encrypted, { type: 'buffer' }) as Uint8Array), /protected by a password.*save it without a password/);
    const draft = await edgeCaseDraft();
    await refuses('cut.docx', draft.subarray(0, draft.length / 2), /not a Word document, or it is damaged/);
    const zip = await JSZip.loadAsync(draft);
    zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).slice(0, 4000));
    await refuses('broken.docx', await zip.generateAsync({ type: 'nodebuffer' }), /broken\.docx is damaged: its text cannot be read/);
    const sheet = new JSZip();
    sheet.file('xl/workbook.xml', '<workbook/>');
    await refuses('sheet.docx', await sheet.generateAsync({ type: 'nodebuffer' }), /not a Word document \(it has no word\/document\.xml\)/);
    // A zip bomb: a part of 300 MB of zeros packs into a few hundred kilobytes; it is refused before it is unpacked.
    const bomb = await JSZip.loadAsync(draft);
    bomb.file('word/media/zeros.bin', Buffer.alloc(300 * 1_048_576));
    await refuses('bomb.docx', await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), /unpacks to 30\d MB, more than the 256 MB a draft may hold/);
  });

  test('Word\'s everyday styles (Body Text, List Paragraph) pass without a word, lists in them stay lists; a style Folio does not know is named at its paragraph', async () => {
    const { dir, result } = await importBytes('ferry.docx', await styledBodyDraft());
    const chapter = await readFile(path.join(dir, '01-crossings.md'), 'utf8');
    assert.equal(chapter, '# Crossings\n\nThe ferry crosses eleven times a day in summer.\n\n- Early boats are full\n- Late boats are empty\n\nPassengers asked for a later last boat on Fridays.\n\nWinter crossings are fewer.\n', 'Body Text as paragraphs, List Paragraph bullets as a list');
    assert.deepEqual(where(result).filter((line) => !line.startsWith('import-guess report.yaml')), ['import-converter 01-crossings.md:8: Passengers asked for a later last boat on Fridays.']);
    const message = result.files.flatMap((file) => file.messages).find((each) => each.ruleId === 'import-converter');
    assert.match(message?.reason ?? '', /^The paragraph style “Sidebar” is not one Folio knows \(1 paragraph, the first “Passengers asked for a later last boat…”\)\. Its paragraphs were carried over as ordinary text; map the style with --style-map/);
  });

  test('the command: exit 2 with the message for an unreadable draft, a folder left alone without --force, a style map of the user\'s own', async () => {
    const folder = await temporary();
    const old = folio(['import', path.join(fixturesDir, 'import', 'old-format.doc'), path.join(folder, 'old')]);
    assert.equal(old.code, 2);
    assert.match(old.stderr, /folio: old-format\.doc is an old Word 97–2003 document/);

    const draft = path.join(folder, 'Harbour Futures.docx');
    await writeFile(draft, await edgeCaseDraft());
    const first = folio(['import', draft], folder);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /harbour-futures\/03-money\.md:5:1 {2}warning {2}An equation was not carried over/);
    assert.match(first.stderr, /Imported Harbour Futures\.docx: 3 chapters/);
    const dir = path.join(folder, 'harbour-futures');
    await writeFile(path.join(dir, '01-background.md'), '# Background\n\nThe author has edited this.\n');
    const again = folio(['import', draft], folder);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /harbour-futures already exists and is not empty, so nothing was written.*--force/);
    assert.equal(await readFile(path.join(dir, '01-background.md'), 'utf8'), '# Background\n\nThe author has edited this.\n', 'the edited chapter is untouched');

    await writeFile(path.join(folder, 'styles.txt'), "# Our template's styles\np[style-name='Key Takeaways'] => blockquote > p:fresh\n");
    await mkdir(path.join(dir, 'extra'));
    const forced = folio(['import', draft, dir, '--force', '--style-map', path.join(folder, 'styles.txt'), '-q'], folder);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(await readFile(path.join(dir, '03-money.md'), 'utf8'), /^> Borrowing is cheapest before the autumn\.$/m, 'the user\'s line wins over Folio\'s');
    assert.match(await readFile(path.join(dir, '01-background.md'), 'utf8'), /The old harbour closed/, '--force replaced the chapter');
    assert.doesNotMatch(forced.stderr, /✓/, '--quiet prints only the report');
  });
});
