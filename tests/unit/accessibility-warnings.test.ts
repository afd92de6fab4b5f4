import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibilityWarnings } from '../../src/preflight/accessibility/accessibility-warnings.js';

const arabic = { checkpoint: '10-001', page: 10, message: 'Arabic-script text … nothing in the manuscript needs changing.', arabicScript: true };
const untagged = { checkpoint: '01-005', page: 3, message: '2 painting operation(s) are neither tagged content nor artifacts.' };

test('when only Arabic-script text keeps the PDF from claiming PDF/UA, the first line says there is nothing to mend', () => {
  const lines = accessibilityWarnings([arabic], () => '03-implications.md:17');
  assert.match(lines[0] ?? '', /only because its Arabic-script text .* nothing in the manuscript needs changing\.$/);
  assert.equal(lines[1], `03-implications.md:17: page 10: 10-001 ${arabic.message}`);
});

test('any other failed checkpoint is counted, with the command that lists them all', () => {
  const lines = accessibilityWarnings([untagged, arabic], () => undefined);
  assert.equal(lines[0], 'The PDF does not claim PDF/UA-1: 2 accessibility checkpoint(s) of the Matterhorn Protocol fail (run folio preflight --accessibility on it for the whole list).');
  assert.equal(lines.length, 3);
  assert.deepEqual(accessibilityWarnings([], () => undefined), []);
});
