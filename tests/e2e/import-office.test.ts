import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { check } from '../../src/build/check.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { importDocx, type ImportResult } from '../../src/import/import-docx.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { docxParagraphs } from '../helpers/docx-text.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { letters, pdfBodyText, pdfImages, pdfPages } from '../helpers/poppler.js';

const drafts = path.join(fixturesDir, 'import');

/** Import a committed fixture into a fresh folder. */
async function importFixture(name: string): Promise<{ dir: string; result: ImportResult }> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-import-')), 'manuscript');
  return { dir, result: await importDocx({ draft: path.join(drafts, name), dir }, silentReporter()) };
}

/** Each message as `file:line rule`, and the text of the line it names. */
function placed(result: ImportResult): { where: string; rule: string; line: string; reason: string }[] {
  return result.files.flatMap((file) =>
    file.messages.map((message) => ({
      where: `${path.basename(file.path)}:${message.line ?? 0}`,
      rule: String(message.ruleId),
      reason: message.reason,
      line: String(file.value ?? '').split('\n')[(message.line ?? 0) - 1] ?? '',
    })),
  );
}

/** Build the imported folder and check that the PDF holds every paragraph, note and table cell of the draft. */
async function assertRoundTrip(dir: string, draft: string, leftOut: RegExp): Promise<string[]> {
  const checked = await check(dir, silentReporter());
  assert.equal(checked.failed, false, 'folio check passes');
  const { output } = await buildInTemp(dir);
  const config = parse(await readFile(path.join(dir, 'report.yaml'), 'utf8')) as { title: string };
  const chapters = await Promise.all((await readdir(dir)).filter((name) => name.endsWith('.md')).map(async (name) => /^# (.*)$/m.exec(await readFile(path.join(dir, name), 'utf8'))?.[1] ?? ''));
  const text = letters(pdfBodyText(output, config.title, chapters));
  const source = await docxParagraphs(await readFile(draft));
  assert.ok(source.length > 10, `${source.length} paragraphs read from the draft`);
  const missing = source.filter((paragraph) => !leftOut.test(paragraph) && !text.includes(letters(paragraph)));
  assert.deepEqual(missing, [], 'every paragraph, note and cell of the draft is in the PDF');
  return pdfPages(output).concat(output);
}

describe('folio import of Word files made by LibreOffice', () => {
  after(closeSharedBrowser);

  test('a report draft: chapters at Heading 1, notes, lists, a quotation, tables, a captioned photo, a takeaways box', async () => {
    const { dir, result } = await importFixture('office-draft.docx');
    assert.deepEqual(result.chapters, ['01-introduction.md', '02-findings.md']);
    assert.deepEqual((await readdir(dir)).sort(), ['01-introduction.md', '02-findings.md', 'images', 'import-report.txt', 'report.yaml']);
    const introduction = await readFile(path.join(dir, '01-introduction.md'), 'utf8');
    const findings = await readFile(path.join(dir, '02-findings.md'), 'utf8');
    assert.match(introduction, /^# Introduction\n/);
    assert.match(introduction, /how \*reliable\* it is\.\[\^1\]/);
    assert.match(introduction, /^\[\^1\]: Survey of 2024, second round/m);
    assert.match(introduction, /^\[\^2\]: Ethics approval number 2024\/17\./m, 'the endnote, as a footnote');
    assert.match(introduction, /\[national survey guide\]\(https:\/\/example\.org\/guide\)/);
    assert.match(introduction, /^- How often it runs\n {2}- Hours a day\n {2}- Days a week\n- What it costs$/m, 'nested bullets');
    assert.match(introduction, /^1\. Visit the household\n {3}1\. Explain the survey/m, 'nested numbers');
    assert.match(introduction, /^> Water is a right, not a favour/m, 'the Quotations style');
    assert.match(findings, /^!\[A water tanker filling drums in a street\]\(images\/image-01\.jpg "A tanker delivers water in the dry season"\)$/m, 'the photo, its alt text and its caption without Word\'s number');
    assert.match(findings, /^\| District \| Households \| Piped water \|$/m, 'a simple table, as GFM with its header row');
    assert.match(findings, /^\| Total of all districts \| +\| 1,200<br>in four districts \|$/m, 'merged cells and a cell of two paragraphs');
    assert.match(findings, /^:::takeaways\[Key Takeaways: Findings\]\nWhat does water cost a household\?\n\n- Tankers are the costliest source\.\n- Piped water is cheapest where it runs\.\n:::$/m);
    assert.doesNotMatch(introduction + findings, /roughly half of|Contents|Say how many refused/, 'deleted text, Word\'s contents and comments are not in the text');

    const config = parse(await readFile(path.join(dir, 'report.yaml'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(config, { title: 'Water Security in Small Towns', subtitle: 'Findings of the 2024 Household Survey', date: 'March 2024', author: 'Survey Office', subject: 'Household survey of water supply', keywords: ['water', 'small towns', 'survey'], language: 'en-US' });
    const yaml = await readFile(path.join(dir, 'report.yaml'), 'utf8');
    for (const key of Object.keys(config)) assert.match(yaml, new RegExp(`^${key}: .* # .*: confirm$`, 'm'), `${key} is marked for the author to confirm`);
  });

  test('reports every loss at the line of the new manuscript that holds its place, printed and written beside it', async () => {
    const { dir, result } = await importFixture('office-draft.docx');
    const messages = placed(result);
    const at = (rule: string, line: RegExp) => assert.ok(messages.some((message) => message.rule === rule && line.test(message.line)), `${rule} at a line like ${line}: ${JSON.stringify(messages.filter((message) => message.rule === rule))}`);
    at('import-field', /^# Introduction$/);
    at('import-comment', /^Households were visited twice\./);
    at('import-tracked-change', /^In the dry season nearly the households/);
    assert.ok(messages.some((message) => message.rule === 'import-tracked-change' && /roughly half of/.test(message.reason)), 'the deleted words are quoted');
    at('import-table', /^\| Region /);
    at('import-text-box', /^Tankers cost five times the piped price\.$/);
    at('import-field', /^This page was printed on/);
    for (const key of ['title', 'subtitle', 'date', 'author', 'subject', 'keywords', 'language']) at('import-guess', new RegExp(`^${key}: `));
    const written = await readFile(result.reportFile, 'utf8');
    assert.match(written, /^Imported office-draft\.docx: 2 chapters \(01-introduction\.md, 02-findings\.md\)/);
    assert.match(written, /carried over: .*2 notes, 2 tables, 1 takeaways box, 1 picture/);
    for (const message of messages.filter((each) => each.where.endsWith('.md:0') === false)) assert.ok(written.includes(`${message.where}:1  warning  ${message.reason}`), `the written report has ${message.where} ${message.rule}`);
  });

  test('the imported draft passes folio check and builds: all its text, its photo embedded, its chapters in the contents', async () => {
    const { dir } = await importFixture('office-draft.docx');
    // Word's contents (entries end in a tab and a page number) is left out on purpose: Folio makes its own.
    const pages = await assertRoundTrip(dir, path.join(drafts, 'office-draft.docx'), /\t\d+$/);
    const pdf = pages.pop() ?? '';
    const contents = pages.find((page) => /^\s*Contents/.test(page)) ?? '';
    for (const chapter of ['Introduction', 'What we asked', 'Findings']) assert.match(contents, new RegExp(`${chapter}\\s+\\d+`), `contents lists ${chapter}`);
    assert.ok(pdfImages(pdf).some((image) => image.type === 'image' && image.width > image.height && image.width >= 900), 'the photo is embedded');
  });

  test('an issue brief saved from HTML: LibreOffice\'s Body Text, Table Heading and Table Contents pass without a word, its list and headings stay what they were', async () => {
    const { dir, result } = await importFixture('issue-brief.docx');
    assert.deepEqual(placed(result).filter((message) => message.rule === 'import-converter'), [], 'no warning about ordinary styles');
    const text = (await Promise.all(result.chapters.map((name) => readFile(path.join(dir, name), 'utf8')))).join('\n');
    assert.match(text, /^## Why it matters\n\n- Transit trade supports 40,000 jobs\.\n- Informal trade is larger still\.$/m, 'the numbered Heading 2 stays a heading, the bullets in Body Text a list');
    assert.match(text, /^\| Crossing +\| Trucks\/day 2021 \| Trucks\/day 2024 \|$/m, 'the table with its header row');
  });

  test('an issue brief saved from HTML: its bold first line is the title in report.yaml, named in the import report; nothing of the first page is lost', async () => {
    const { dir, result } = await importFixture('issue-brief.docx');
    const config = parse(await readFile(path.join(dir, 'report.yaml'), 'utf8')) as Record<string, unknown>;
    assert.equal(config['title'], 'Border Trade at Torkham and Chaman');
    const title = placed(result).find((message) => message.rule === 'import-guess' && message.line.startsWith('title:'));
    assert.match(title?.reason ?? '', /^`title` is a guess from the first page's bold line “Border Trade at Torkham and Chaman”, as in File › Properties: confirm it\.$/);
    // Every paragraph of the draft is in a chapter, or is a value of report.yaml that the import report names.
    const written = [...(await Promise.all(result.chapters.map((name) => readFile(path.join(dir, name), 'utf8')))), await readFile(path.join(dir, 'report.yaml'), 'utf8'), await readFile(result.reportFile, 'utf8')].join('\n');
    const missing = (await docxParagraphs(await readFile(path.join(drafts, 'issue-brief.docx')))).filter((paragraph) => !letters(written.replace(/\[\^\d+\]|[*\\]/g, '')).includes(letters(paragraph)));
    assert.deepEqual(missing, []);
  });

  test('an issue brief saved from HTML: no chapter is made of its first page, so no title is used twice and folio check is quiet about headings', async () => {
    const { dir, result } = await importFixture('issue-brief.docx');
    assert.deepEqual(result.chapters, ['01-introduction.md', '02-findings.md']);
    const checked = await check(dir, silentReporter());
    assert.deepEqual(checked.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'heading-duplicate').map(String), []);
  });

  test('an issue brief saved from HTML: "Issue Brief draft, February 2025" gives date and series, each said to be a guess from that line', async () => {
    const { dir, result } = await importFixture('issue-brief.docx');
    const config = parse(await readFile(path.join(dir, 'report.yaml'), 'utf8')) as Record<string, unknown>;
    assert.equal(config['date'], 'February 2025');
    assert.equal(config['series'], 'Issue Brief');
    for (const key of ['date', 'series']) {
      const message = placed(result).find((each) => each.rule === 'import-guess' && each.line.startsWith(`${key}:`));
      assert.equal(message?.reason, `\`${key}\` is a guess from the first page's line “Issue Brief draft, February 2025” (“draft” left out): confirm it.`);
    }
  });

  test('the seminar report, saved from a word processor, imports into a manuscript that builds with all its text', async () => {
    const { dir, result } = await importFixture('seminar-report.docx');
    assert.deepEqual(result.chapters, ['01-concept-note.md', '02-prelude.md', '03-key-findings.md', '04-programme.md', '05-summary-of-the-proceedings.md', '06-summary-session-i.md', '07-summary-session-ii.md', '08-roundtable.md', '09-picture-gallery.md']);
    const session = await readFile(path.join(dir, '06-summary-session-i.md'), 'utf8');
    assert.match(session, /^:::takeaways\[Session I: Key Takeaways\]\nWhat are the major and regional powers' interests in Afghanistan\?\n\n- Afghanistan is a pivotal/m);
    assert.deepEqual(placed(result).map((message) => message.rule), Array(7).fill('import-guess'), 'nothing lost, only report.yaml to confirm');
    const pages = await assertRoundTrip(dir, path.join(drafts, 'seminar-report.docx'), /^$/);
    const pdf = pages.pop() ?? '';
    const contents = pages.find((page) => /^\s*Contents/.test(page)) ?? '';
    for (const chapter of ['Concept Note', 'Prelude', 'Key Findings', 'Programme', 'Summary of the Proceedings', 'Summary Session I', 'Summary Session II', 'Roundtable', 'Picture Gallery']) {
      assert.match(contents, new RegExp(`${chapter}\\s+\\d+`), `contents lists ${chapter}`);
    }
    assert.equal(pdfImages(pdf).filter((image) => image.type === 'image' && image.width >= 400).length, 12, 'the twelve gallery photos are embedded');
  });
});
