import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { longPolicyPaper } from '../../bench/make-inputs.js';
import { preflightAccessibility } from '../../src/preflight/accessibility/preflight-accessibility.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';

describe('a report laid out in parts claims PDF/UA-1', () => {
  after(closeSharedBrowser);

  test('the policy paper twice over in 2 parts: every link between the parts is in its own Link element (28-011)', async () => {
    // Its first copy's citations lead to the bibliography in the second part, several to one work on a page.
    const dir = await longPolicyPaper(path.join(fixturesDir, 'policy-paper'), await mkdtemp(path.join(os.tmpdir(), 'folio-a11y-split-')), 2);
    const result = await buildInTemp(dir, { parts: 2 });
    assert.equal(result.parts, 2);
    const pdf = await readFile(result.output);
    const report = await preflightAccessibility(pdf);
    assert.deepEqual(report.findings, []);
    assert.equal(report.claimsPdfUa, 1);
    // The links mergeParts added (no /StructParent from Chromium) are there, each held by a Link element.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const held = new Set<PDFDict>();
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('S')) !== PDFName.of('Link')) continue;
      for (const kid of object.lookupMaybe(PDFName.of('K'), PDFArray)?.asArray() ?? [object.get(PDFName.of('K'))]) {
        const objr = kid ? doc.context.lookup(kid) : undefined;
        const annotation = objr instanceof PDFDict ? objr.lookup(PDFName.of('Obj')) : undefined;
        if (annotation instanceof PDFDict) held.add(annotation);
      }
    }
    const annotations = doc.getPages().flatMap((page) => page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).map((ref) => doc.context.lookup(ref, PDFDict));
    const betweenParts = annotations.filter((annotation) => annotation.get(PDFName.of('Dest')) instanceof PDFArray);
    assert.ok(betweenParts.length >= 10, `${betweenParts.length} links between the parts`);
    assert.deepEqual(annotations.filter((annotation) => !held.has(annotation)).length, 0);
  });
});
