import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { fontUnicode } from '../../src/pdf/content/font-unicode.js';

const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0001> <0020>
<00AD> <002D>
<0005> <0000>
endbfchar
2 beginbfrange
<0010> <0012> <0061>
<0020> <0021> [<00660069> <FEFF>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;

test('reads a ToUnicode CMap: bfchar, bfrange counting up and as a list, ligatures; codes mapped to nothing are unmapped', async () => {
  const doc = await PDFDocument.create();
  const font = doc.context.obj({ Type: 'Font', Subtype: 'Type0', ToUnicode: doc.context.register(doc.context.flateStream(cmap)) });
  const { width, map, encoded } = fontUnicode(doc, font);
  assert.equal(width, 2);
  assert.equal(encoded, false);
  assert.deepEqual([...(map ?? [])].sort(([a], [b]) => a - b), [[0x01, ' '], [0x10, 'a'], [0x11, 'b'], [0x12, 'c'], [0x20, 'fi'], [0xad, '-']]);
});

test('a simple font without ToUnicode maps through a standard encoding, or not at all', async () => {
  const doc = await PDFDocument.create();
  const simple = (entries: Record<string, PDFName>) => {
    const font = PDFDict.withContext(doc.context);
    font.set(PDFName.of('Subtype'), PDFName.of('TrueType'));
    for (const [key, value] of Object.entries(entries)) font.set(PDFName.of(key), value);
    return fontUnicode(doc, font);
  };
  assert.equal(simple({ Encoding: PDFName.of('WinAnsiEncoding') }).encoded, true);
  assert.equal(simple({ BaseFont: PDFName.of('Helvetica') }).encoded, true);
  assert.equal(simple({ BaseFont: PDFName.of('ABCDEF+SourceSerif4') }).encoded, false);
  assert.equal(fontUnicode(doc, doc.context.obj({ Type: 'Font', Subtype: 'Type0' })).map, undefined);
});
