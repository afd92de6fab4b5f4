import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marker } from '../../src/import/loss-marker.js';
import { placeMarkers } from '../../src/import/place-markers.js';

test('a marker is taken out of its line and names that line', () => {
  const { text, lines } = placeMarkers(`# Findings\n\nIn the dry season ${marker(1)}nearly${marker(2)} all buy water.\n`);
  assert.equal(text, '# Findings\n\nIn the dry season nearly all buy water.\n');
  assert.deepEqual([...lines], [[1, 3], [2, 3]]);
});

test('a line of nothing but markers goes, and its markers name the next line with text', () => {
  const { text, lines } = placeMarkers(`# Money\n\n${marker(3)}\n\n| Option | Cost |\n| --- | --- |\n\nThe end.\n\n${marker(4)}\n`);
  assert.equal(text, '# Money\n\n| Option | Cost |\n| --- | --- |\n\nThe end.\n');
  assert.deepEqual([...lines], [[3, 3], [4, 6]], 'the table\'s first line; a marker at the very end names the last line');
});

test('no run of blank lines is left where a paragraph went', () => {
  assert.equal(placeMarkers(`One.\n\n${marker(5)}\n\nTwo.\n`).text, 'One.\n\nTwo.\n');
});
