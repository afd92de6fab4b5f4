import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { mapSvgFonts } from '../../src/images/map-svg-fonts.js';
import { fixturesDir } from '../helpers/fixtures.js';

const families = { sans: 'Source Sans 3', serif: 'Source Serif 4', mono: 'Source Code Pro' };
const chart = (name: string) => readFile(path.join(fixturesDir, 'svg-fonts', 'images', name), 'utf8');

test('generic families, a <style> rule and text naming no family are set in the report\'s sans and serif', async () => {
  const { svg, unmapped, uses } = mapSvgFonts(await chart('generic-chart.svg'), families);
  assert.deepEqual(unmapped, []);
  assert.deepEqual(uses, { sans: true, serif: true, mono: true, bold: true, italic: true });
  assert.match(svg, /<svg [^>]*font-family="'Source Sans 3'"/);
  assert.match(svg, /\.label \{ font-family: 'Source Sans 3'; font-size: 12px; \}/);
  assert.match(svg, /font-family="'Source Serif 4'" font-size="9" font-style="italic"/);
  assert.doesNotMatch(svg, /sans-serif|"serif"/);
});

test('a family the report does not have, with nothing in its list to map, is named and set in the sans', async () => {
  const { svg, unmapped } = mapSvgFonts(await chart('named-chart.svg'), families);
  assert.deepEqual(unmapped, ['Comic Neue']);
  assert.match(svg, /<text [^>]*font-family="'Source Sans 3'"/);
});

test('style attributes and the font shorthand; an unbundled family before a generic one maps to the generic', () => {
  const input = `<svg xmlns="http://www.w3.org/2000/svg"><text style="font: bold 10px Arial, sans-serif; fill: red">a</text><text style='font-family: "Times New Roman", serif'>b</text></svg>`;
  const { svg, unmapped, uses } = mapSvgFonts(input, families);
  assert.deepEqual(unmapped, []);
  assert.equal(uses.bold, true);
  assert.match(svg, /style="font: bold 10px 'Source Sans 3'; fill: red"/);
  assert.match(svg, /style='font-family: "Source Serif 4"'/);
});

test('a family the SVG carries itself (@font-face with a data URL) is kept, and its @font-face is left alone', async () => {
  const emblem = await readFile(path.join(fixturesDir, '..', '..', 'manuscript', 'images', 'emblems', 'issra-emblem.svg'), 'utf8');
  const { svg, unmapped } = mapSvgFonts(emblem, families);
  assert.deepEqual(unmapped, []);
  assert.match(svg, /@font-face\{font-family:Emblem;/);
  assert.match(svg, /text\{font-family:Emblem;/);
});

test('monospace (generic, ui-monospace, or after an unbundled code face) is set in the report\'s code family', () => {
  const input = `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Consolas, 'Courier New', monospace">a</text><text style="font: 9px ui-monospace">b</text><text font-family="Source Code Pro">c</text><text font-family="Courier New">d</text></svg>`;
  const { svg, unmapped, uses } = mapSvgFonts(input, families);
  assert.deepEqual(unmapped, ['Courier New']);
  assert.deepEqual(uses, { sans: true, serif: false, mono: true, bold: false, italic: false });
  assert.match(svg, /<text font-family="'Source Code Pro'">a</);
  assert.match(svg, /style="font: 9px 'Source Code Pro'"/);
  assert.match(svg, /<text font-family="'Source Code Pro'">c</);
  assert.match(svg, /<text font-family="'Source Sans 3'">d</);
});
