import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { checkConfigImages } from '../../src/checks/check-config-images.js';
import { loadConfig } from '../../src/config/load-config.js';
import { svgFontsFor } from '../../src/images/svg-fonts-for.js';
import { fixturesDir } from '../helpers/fixtures.js';

const root = path.join(fixturesDir, 'config-images');

test('an SVG that report.yaml names, with text in a family the report does not bundle, is an image-font warning at its key', async () => {
  const configFile = new VFile({ path: 'report.yaml', value: await readFile(path.join(root, 'report.yaml'), 'utf8') });
  const loaded = loadConfig(configFile);
  assert.ok(loaded, 'report.yaml loads');
  const manuscript = { root, config: loaded.config, configFile, locate: loaded.locate };
  await checkConfigImages(manuscript, svgFontsFor(manuscript).families);
  const messages = configFile.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`);
  // Only the logo (line 5, its value at column 7): the partner's Helvetica falls back on sans-serif, the cover's Menlo on monospace.
  assert.equal(messages.length, 1, messages.join('\n'));
  assert.match(messages[0] ?? '', /^5:7 warning image-font `logo`: named-emblem\.svg sets text in “Gill Sans MT”, a font the report does not have: .* prints in Source Sans 3 instead\. Write font-family="sans-serif" \(Source Sans 3\), "serif" \(Source Serif 4\) or "monospace" \(Source Code Pro\)/);
});

test('without the report\'s families (no font check asked for), report.yaml\'s pictures are still checked, silently for fonts', async () => {
  const configFile = new VFile({ path: 'report.yaml', value: await readFile(path.join(root, 'report.yaml'), 'utf8') });
  const loaded = loadConfig(configFile);
  assert.ok(loaded);
  await checkConfigImages({ root, config: loaded.config, configFile, locate: loaded.locate });
  assert.deepEqual(configFile.messages, []);
});
