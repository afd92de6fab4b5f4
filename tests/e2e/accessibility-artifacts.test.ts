import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { printEdition } from '../../src/images/edition.js';
import { packageRoot } from '../../src/package-paths.js';
import { pageContentBytes } from '../../src/pdf/content/page-content-bytes.js';
import { readPageContent } from '../../src/preflight/accessibility/page-content.js';
import { preflightAccessibility } from '../../src/preflight/accessibility/preflight-accessibility.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { writeTestImages } from '../helpers/test-images.js';

async function plainGfm(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-artifacts-'));
  await cp(path.join(fixturesDir, 'plain-gfm'), dir, { recursive: true });
  await writeTestImages(path.join(dir, 'images'));
  return dir;
}

const fixtures = [
  { name: 'the seminar report', dir: async () => path.join(packageRoot, 'manuscript'), heads: true },
  { name: 'the plain-GFM fixture', dir: plainGfm, heads: false },
  { name: 'the policy paper', dir: async () => path.join(fixturesDir, 'policy-paper'), heads: true },
];

/** How many artifacts of each kind a page's content opens, by their properties. */
function artifactKinds(doc: PDFDocument, index: number): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const match of Buffer.from(pageContentBytes(doc, doc.getPage(index))).toString('latin1').matchAll(/\/Artifact\s*(<<[^>]*>>|BMC)/g)) {
    const kind = (match[1] ?? '').replace(/\s+/g, ' ');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds;
}

describe('every painting is tagged content or an artifact', () => {
  after(closeSharedBrowser);

  for (const fixture of fixtures) {
    for (const edition of ['screen', 'print'] as const) {
      test(`${fixture.name}, ${edition} edition`, async () => {
        // The policy paper's screen edition is laid out in two parts and merged, as a long report is.
        const options = edition === 'print' ? { edition: printEdition } : fixture.name === 'the policy paper' ? { parts: 2 } : {};
        const built = await buildInTemp(await fixture.dir(), options);
        const pdf = await readFile(built.output);
        const doc = await PDFDocument.load(pdf, { updateMetadata: false });
        const pages = doc.getPages().map((page) => readPageContent(doc, page));
        assert.deepEqual(pages.flatMap((page, index) => (page.untagged > 0 ? [`page ${index + 1}: ${page.untagged} untagged, the first \`${page.firstUntagged}\``] : [])), []);
        assert.equal(pages.reduce((sum, page) => sum + page.artifactInTagged + page.taggedInArtifact, 0), 0);
        const report = await preflightAccessibility(pdf);
        assert.deepEqual(report.findings.filter((finding) => /^01-|14\.7\.4\.4/.test(finding.checkpoint)), []);

        const kinds = doc.getPages().map((_, index) => artifactKinds(doc, index));
        const pagesWith = (kind: string) => kinds.filter((page) => page.has(kind)).length;
        // Folios are footers; running heads are headers; nothing lies in the page area as pagination.
        assert.ok(pagesWith('<</Type /Pagination /Subtype /Footer>>') >= (fixture.heads ? doc.getPageCount() / 2 : 1), 'folios are footer artifacts');
        if (fixture.heads) assert.ok(pagesWith('<</Type /Pagination /Subtype /Header>>') > 0, 'running heads are header artifacts');
        // In print, every page's crop marks are a production aid.
        if (edition === 'print') assert.equal(pagesWith('<</Type /Page>>'), doc.getPageCount());
      });
    }
  }
});
