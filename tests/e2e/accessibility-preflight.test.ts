import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { packageRoot } from '../../src/package-paths.js';
import { preflightAccessibility, type AccessibilityReport } from '../../src/preflight/accessibility/preflight-accessibility.js';
import { buildInTemp, closeSharedBrowser } from '../helpers/build-fixture.js';
import { fixturesDir } from '../helpers/fixtures.js';
import { addUntaggedText, breakParentTree, removeFigureAlt } from '../helpers/inject-faults.js';
import { removeToUnicode } from '../helpers/inject-structure-faults.js';
import { minimalTaggedPdf } from '../helpers/tagged-pdf.js';
import { writeTestImages } from '../helpers/test-images.js';

const count = (report: AccessibilityReport, checkpoint: string, page?: number) =>
  report.findings.filter((finding) => finding.checkpoint === checkpoint && (page === undefined || finding.page === page)).length;
/** The faults found, without 06-002: a failed claim of PDF/UA, which follows from any of them. */
const faults = (report: AccessibilityReport) => report.findings.filter((finding) => finding.checkpoint !== '06-002');

function preflightCli(file: string, ...flags: string[]) {
  const run = spawnSync(process.execPath, [path.join(packageRoot, 'bin', 'folio.js'), 'preflight', '--accessibility', ...flags, file], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('folio preflight --accessibility', () => {
  let folio: Uint8Array;
  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-a11y-'));
    await cp(path.join(fixturesDir, 'plain-gfm'), dir, { recursive: true });
    await writeTestImages(path.join(dir, 'images'));
    folio = await readFile((await buildInTemp(dir)).output);
  });
  after(closeSharedBrowser);

  test('passes a conforming PDF with exit 0, and fails it with exit 1 once a fault is injected', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-a11y-cli-'));
    const good = path.join(dir, 'good.pdf');
    const bad = path.join(dir, 'bad.pdf');
    await writeFile(good, await minimalTaggedPdf());
    await writeFile(bad, await addUntaggedText(await minimalTaggedPdf(), 0));
    assert.deepEqual((await preflightAccessibility(await readFile(good))).findings, []);
    const passing = preflightCli(good);
    assert.equal(passing.code, 0, passing.stdout + passing.stderr);
    assert.match(passing.stdout, /claims PDF\/UA-1\n✓ passes every machine-checkable condition/);
    const failing = preflightCli(bad);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /01-005 +page 1: 1 painting operation\(s\) are neither tagged content nor artifacts/);
    // A file that claims PDF/UA and fails is told so.
    assert.match(failing.stdout, /06-002 +The file claims PDF\/UA-1 but fails 1 checkpoint/);
    const json = JSON.parse(preflightCli(bad, '--format', 'json').stdout) as { accessibility: AccessibilityReport; faults: string[] };
    assert.deepEqual(json.accessibility.findings.map((finding) => [finding.checkpoint, finding.page]), [['01-005', 1], ['06-002', undefined]]);
  });

  test('catches an untagged text run injected into a Folio PDF, on its page', async () => {
    const before = await preflightAccessibility(folio);
    const after = await preflightAccessibility(await addUntaggedText(folio, 1));
    const untagged = (report: AccessibilityReport) => /^(\d+) painting/.exec(report.findings.find((finding) => finding.checkpoint === '01-005' && finding.page === 2)?.message ?? '0')?.[1];
    assert.equal(Number(untagged(after)), Number(untagged(before) ?? 0) + 1);
    assert.equal(faults(after).length, faults(before).length + (untagged(before) ? 0 : 1));
    assert.equal(count(after, '06-002'), 1, 'a Folio PDF claims PDF/UA-1, and fails that claim once a fault is in it');
  });

  test('catches a Figure without alt text injected into a Folio PDF', async () => {
    const before = await preflightAccessibility(folio);
    const { pdf, page } = await removeFigureAlt(folio);
    const after = await preflightAccessibility(pdf);
    assert.equal(count(after, '13-004', page), count(before, '13-004', page) + 1);
    assert.equal(faults(after).length, faults(before).length + 1);
    assert.equal(count(after, '06-002'), 1, 'a Folio PDF claims PDF/UA-1, and fails that claim once a fault is in it');
  });

  test('catches a broken parent tree injected into a Folio PDF, on its page', async () => {
    const before = await preflightAccessibility(folio);
    assert.equal(count(before, 'ISO 32000-1 14.7.4.4'), 0);
    const after = await preflightAccessibility(await breakParentTree(folio, 1));
    assert.deepEqual(after.findings.filter((finding) => finding.checkpoint === 'ISO 32000-1 14.7.4.4').map((finding) => finding.page), [2]);
  });

  test('catches a font whose ToUnicode map was taken out (Matterhorn 10-001), on the page that shows it', async () => {
    const before = await preflightAccessibility(folio);
    assert.equal(count(before, '10-001'), 0, 'every glyph Chromium prints maps to Unicode');
    const { pdf, page, font } = await removeToUnicode(folio);
    const after = await preflightAccessibility(pdf);
    const found = after.findings.filter((finding) => finding.checkpoint === '10-001');
    assert.ok(found.some((finding) => finding.page === page && new RegExp(`font /${font} \\([\\w-]+\\) map to no Unicode value`).test(finding.message)), JSON.stringify(found));
    assert.equal(count(after, '06-002'), 1, 'a Folio PDF claims PDF/UA-1, and fails that claim once a fault is in it');
    const cli = preflightCli(await writeTemp(pdf));
    assert.equal(cli.code, 1);
    assert.match(cli.stdout, new RegExp(`10-001 +page ${page}: \\d+ character code\\(s\\) of font /${font} \\([\\w-]+\\) map to no Unicode value`));
  });
});

async function writeTemp(pdf: Uint8Array): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-a11y-fault-')), 'fault.pdf');
  await writeFile(file, pdf);
  return file;
}
