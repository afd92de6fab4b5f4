import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { contentOperations } from '../../src/pdf/content/content-operations.js';
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
