import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Writable } from 'node:stream';
import { createReporter } from '../../src/cli/reporter.js';

/** A reporter writing into a string. */
function captured(quiet: boolean) {
  let text = '';
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => ((text += chunk.toString()), done()) });
  return { reporter: createReporter({ quiet, stream, color: false }), text: () => text };
}

test('quiet (-q: "print only problems") hides progress and information, never a warning', async () => {
  const { reporter, text } = captured(true);
  await reporter.stage('lay out pages', () => undefined);
  reporter.info('    laid out in 2 parts side by side');
  reporter.warning('page 8: 10-001 …');
  assert.equal(text(), '  warning  page 8: 10-001 …\n');
});

test('not quiet: stage lines, information and warnings', async () => {
  const { reporter, text } = captured(false);
  await reporter.stage('print pdf', () => undefined);
  reporter.info('    note');
  reporter.warning('the browser said so');
  assert.match(text(), /^ {2}✓ print pdf\s+\d+ ms\n {4}note\n {2}warning {2}the browser said so\n$/);
});
