import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOutput } from '../../src/cli/describe-output.js';

test('a booklet is described by its pages, sides and sheets, not its sides as pages', () => {
  assert.equal(describeOutput(20, false), '20 pages');
  // 25 pages pad to 28: 14 sides of A3, 7 sheets.
  assert.equal(describeOutput(25, true), '25 pages on 14 A3 sides (7 sheets printed on both sides)');
  assert.equal(describeOutput(8, true), '8 pages on 4 A3 sides (2 sheets printed on both sides)');
});
