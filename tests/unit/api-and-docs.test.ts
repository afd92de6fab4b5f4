import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import * as folio from '../../src/index.js';
import { reportKeys } from '../../src/config/report-schema.js';
import { directives } from '../../src/markdown/directives/index.js';
import { rules } from '../../src/messages/rules.js';
import { packageRoot } from '../../src/package-paths.js';

const manuscriptDoc = await readFile(path.join(packageRoot, 'docs', 'manuscript.md'), 'utf8');

test('the public API is what it was', () => {
  assert.deepEqual(Object.keys(folio).sort(), [
    'FolioError', 'ManuscriptError', 'ReportSchema', 'build', 'compileChapter', 'createReporter', 'directives',
    'formatMessages', 'locateBrowser', 'readManuscript', 'remarkFolioDirectives', 'rules', 'silentReporter',
  ]);
});

test('docs/manuscript.md describes every report.yaml key', () => {
  for (const key of reportKeys) assert.match(manuscriptDoc, new RegExp(`\`${key}\``), key);
});

test('docs/manuscript.md lists every message rule with its severity', () => {
  for (const [id, rule] of Object.entries(rules)) assert.match(manuscriptDoc, new RegExp(`\\| \`${id}\` \\| ${rule.severity} \\|`), id);
});

test('docs/manuscript.md shows every directive', () => {
  for (const directive of directives) assert.match(manuscriptDoc, new RegExp(`${directive.type === 'containerDirective' ? ':::' : '::'}${directive.name}\\b`), directive.name);
});
