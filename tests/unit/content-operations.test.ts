import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString } from 'pdf-lib';
import { contentOperations, glyphString, hexBytes } from '../../src/pdf/content/content-operations.js';
import { pageContentBytes } from '../../src/pdf/content/page-content-bytes.js';
import { registerContentStream } from '../../src/pdf/content/register-content-stream.js';
import { GraphicsPosition } from '../../src/pdf/content/graphics-position.js';

const stream = 'q 2 0 0 2 10 20 cm\n/P <</MCID 3 >>BDC BT 1 0 0 1 5 6 Tm (a\\)b) Tj 0 -10 Td [(c) -20 (d)] TJ ET EMC\nBI /W 1 /H 1 /BPC 8 /CS /G ID \u0000EI Q';

test('reads each operation with its operands and where it lies in the bytes', async () => {
  const { context } = await PDFDocument.create();
  const bytes = Buffer.from(stream, 'latin1');
  const operations = [...contentOperations(bytes, context)];
  assert.deepEqual(operations.map((operation) => operation.operator), ['q', 'cm', 'BDC', 'BT', 'Tm', 'Tj', 'Td', 'TJ', 'ET', 'EMC', 'BI', 'ID', 'Q']);
  const text = (index: number) => {
    const operation = operations[index];
    return operation ? bytes.subarray(operation.start, operation.end).toString('latin1') : '';
  };
  assert.equal(text(1), '2 0 0 2 10 20 cm');
  assert.equal(text(2), '/P <</MCID 3 >>BDC');
  assert.equal(text(5), '(a\\)b) Tj');
  assert.equal(text(11), '/W 1 /H 1 /BPC 8 /CS /G ID \u0000EI');
  // A marked-content dictionary keeps its numbers; coordinates are skipped unless asked for.
  const properties = operations[2]?.operands[1];
  assert.ok(properties instanceof PDFDict);
  assert.equal(properties.lookup(PDFName.of('MCID'), PDFNumber).asNumber(), 3);
  assert.deepEqual(operations[1]?.numbers, []);
  const withNumbers = [...contentOperations(bytes, context, { numbers: true })];
  assert.deepEqual(withNumbers[1]?.numbers, [2, 0, 0, 2, 10, 20]);
  assert.deepEqual(withNumbers[7]?.numbers, [-20]);
});

test('places text where the matrices put it', async () => {
  const { context } = await PDFDocument.create();
  const position = new GraphicsPosition();
  const origins: { x: number; y: number }[] = [];
  for (const operation of contentOperations(Buffer.from(stream, 'latin1'), context, { numbers: true })) {
    position.apply(operation);
    if (operation.operator === 'Tj' || operation.operator === 'TJ') origins.push(position.textOrigin());
  }
  assert.deepEqual(origins, [{ x: 20, y: 32 }, { x: 20, y: 12 }]);
});

test('reads names, hex strings and comments as pdf-lib does, without its byte-by-byte reading', async () => {
  const { context } = await PDFDocument.create();
  const bytes = Buffer.from('% a comment\n/Span#20A <</ActualText <FEFF0041> /MCID 7>> BDC %another\r/F1 9 Tf <00410042> Tj [<0043> 5 <0044>] TJ EMC /Artifact BMC EMC', 'latin1');
  const operations = [...contentOperations(bytes, context, { glyphs: true })];
  assert.deepEqual(operations.map((operation) => operation.operator), ['BDC', 'Tf', 'Tj', 'TJ', 'EMC', 'BMC', 'EMC']);
  assert.equal(operations[0]?.operands[0], PDFName.of('Span A'));
  const properties = operations[0]?.operands[1];
  assert.ok(properties instanceof PDFDict);
  assert.equal(properties.lookup(PDFName.of('ActualText'), PDFHexString).decodeText(), 'A');
  assert.equal(operations[1]?.operands[0], PDFName.of('F1'));
  const digits = (operation: number) => {
    const places = operations[operation]?.hexDigits ?? [];
    return places.flatMap((place, index) => (index % 2 === 0 ? [bytes.subarray(place, places[index + 1]).toString('latin1')] : []));
  };
  assert.deepEqual(digits(2), ['00410042']);
  const shown = operations[3]?.operands[0];
  assert.ok(shown instanceof PDFArray);
  assert.equal(shown.asArray().filter((item) => item === glyphString).length, 2);
  assert.deepEqual(digits(3), ['0043', '0044']);
  assert.equal(bytes.subarray(operations[5]?.start, operations[5]?.end).toString('latin1'), '/Artifact BMC');
  // Without `glyphs`, glyph strings are skipped, but a dictionary's are kept.
  const skipped = [...contentOperations(bytes, context)];
  assert.equal((skipped[2]?.operands[0] as PDFHexString).asString(), '');
  assert.equal((skipped[0]?.operands[1] as PDFDict).lookup(PDFName.of('ActualText'), PDFHexString).decodeText(), 'A');
});

test('notes where glyph strings lie instead of building them (`glyphs`), and reads their bytes', async () => {
  const { context } = await PDFDocument.create();
  const bytes = Buffer.from('/P <</ActualText <FEFF0041> >> BDC <00410042> Tj [<0043> 5 <00 4>] TJ (x) Tj EMC', 'latin1');
  const operations = [...contentOperations(bytes, context, { glyphs: true })];
  assert.deepEqual(operations.map((operation) => operation.operator), ['BDC', 'Tj', 'TJ', 'Tj', 'EMC']);
  // A dictionary's hex string is still an object; the glyph strings are where their digits lie.
  assert.equal((operations[0]?.operands[1] as PDFDict).lookup(PDFName.of('ActualText'), PDFHexString).decodeText(), 'A');
  assert.equal(operations[1]?.operands[0], glyphString);
  const read = (operation: number, index: number) => {
    const digits = operations[operation]?.hexDigits ?? [];
    return [...hexBytes(bytes, digits[index * 2] as number, digits[index * 2 + 1] as number)];
  };
  assert.deepEqual(read(1, 0), [0x00, 0x41, 0x00, 0x42]);
  assert.equal(operations[2]?.hexDigits.length, 4);
  assert.deepEqual(read(2, 0), [0x00, 0x43]);
  // Whitespace among the digits is skipped, and an odd last digit reads as followed by 0.
  assert.deepEqual(read(2, 1), [0x00, 0x40]);
  // A literal string stays an object.
  assert.equal(operations[3]?.hexDigits.length, 0);
  assert.equal((operations[3]?.operands[0] as PDFString).asString(), 'x');
});

test('a rewritten content stream is read back as written and saved compressed as zlib compresses it', async () => {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const content = Buffer.from('BT /F1 12 Tf (x) Tj ET', 'latin1');
  const ref = registerContentStream(doc, content);
  page.node.set(PDFName.of('Contents'), ref);
  assert.equal(Buffer.from(pageContentBytes(doc, page)).toString('latin1'), 'BT /F1 12 Tf (x) Tj ET');
  const stream = doc.context.lookup(ref);
  assert.ok(stream instanceof PDFRawStream);
  assert.deepEqual(Buffer.from(stream.getContents()), deflateSync(content));
  const saved = await PDFDocument.load(await doc.save());
  assert.equal(Buffer.from(pageContentBytes(saved, saved.getPage(0))).toString('latin1'), 'BT /F1 12 Tf (x) Tj ET');
});
