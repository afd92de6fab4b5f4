import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { printEdition, screenEdition } from '../../src/images/edition.js';
import { packageRoot } from '../../src/package-paths.js';
import { preflightAccessibility, type AccessibilityReport } from '../../src/preflight/accessibility/preflight-accessibility.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { pdfText } from '../helpers/poppler.js';

const manuscript = path.join(packageRoot, 'manuscript');
const title = 'The Dynamics of Pakistan-Afghanistan Relations';

function xmpOf(doc: PDFDocument): string {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  assert.ok(stream instanceof PDFRawStream, 'an XMP metadata stream');
  return new TextDecoder().decode(decodePDFRawStream(stream).decode());
}

describe('the accessibility fixes, in both editions of the seminar report', () => {
  const editions: Record<string, { file: string; doc: PDFDocument; report: AccessibilityReport }> = {};
  before(async () => {
    for (const edition of [screenEdition, printEdition]) {
      const file = (await buildInTemp(manuscript, { edition })).output;
      const bytes = await readFile(file);
      editions[edition === printEdition ? 'print' : 'screen'] = { file, doc: await PDFDocument.load(bytes), report: await preflightAccessibility(bytes) };
    }
  });
  after(closeSharedBrowser);

  test('carry XMP metadata with dc:title, show the title, role-map Strong and Em, pass the accessibility preflight and claim PDF/UA-1', () => {
    for (const [name, { doc, report }] of Object.entries(editions)) {
      const xmp = xmpOf(doc);
      assert.match(xmp, new RegExp(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li>`), name);
      assert.match(xmp, /<dc:language><rdf:Bag><rdf:li>en-GB<\/rdf:li>/, name);
      assert.match(xmp, /<pdfuaid:part>1<\/pdfuaid:part>/, `${name}: passes, so claims PDF/UA-1`);
      const roleMap = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('RoleMap'), PDFDict);
      assert.equal(roleMap.get(PDFName.of('Strong')), PDFName.of('Span'));
      assert.equal(roleMap.get(PDFName.of('Em')), PDFName.of('Span'));
      assert.deepEqual(report.findings, [], name);
      assert.equal(report.claimsPdfUa, 1);
    }
    // The print edition's XMP is UTF-8 (pdf-lib wrote a string's characters as single bytes) and still PDF/X-4.
    assert.match(xmpOf(editions['print']?.doc ?? assert.fail()), /^<\?xpacket begin="\uFEFF"[\s\S]*<pdfxid:GTS_PDFXVersion>PDF\/X-4</);
  });

  test('describe every link in the screen edition by where it goes', () => {
    const { doc } = editions['screen'] ?? assert.fail();
    const contents = doc.getPages().flatMap((page) => page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).map((ref) => doc.context.lookup(ref, PDFDict).lookup(PDFName.of('Contents'), PDFHexString).decodeText());
    assert.equal(contents.length, 15);
    assert.ok(contents.includes('Go to Concept Note') && contents.includes('Go to Picture Gallery'), contents.join(', '));
  });

  test('hold each word whole in the text layer: only soft hyphens that break a line remain', async () => {
    const chapters = await Promise.all((await readdir(manuscript)).filter((name) => name.endsWith('.md')).map((name) => readFile(path.join(manuscript, name), 'utf8')));
    const count = (text: string, word: string) => text.match(new RegExp(word, 'gi'))?.length ?? 0;
    for (const { file } of Object.values(editions)) {
      const text = pdfText(file);
      // Words of the body alone (none in a heading, which the contents repeats), found as often as the manuscript has
      // them (before, hyphenation hid "future" all 3 times).
      for (const word of ['future', 'security', 'different', 'government']) assert.equal(count(text, word), count(chapters.join('\n'), word), word);
      // About 1,700 soft hyphens were in the text layer; left inside a line are only the few Folio could not be sure of.
      assert.ok((text.match(/\u00AD\p{L}/gu) ?? []).length <= 10);
    }
  });
});
