import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ownFontUrls } from '../../src/images/own-font-urls.js';
import { packageRoot } from '../../src/package-paths.js';

const emblem = (name: string) => readFile(path.join(packageRoot, 'manuscript', 'images', 'emblems', name), 'utf8');

test('two drawings carrying the same font data URL each get a URL of their own; the font data is untouched', async () => {
  const [issra, ndu] = await Promise.all([emblem('issra-emblem.svg'), emblem('ndu-emblem.svg')]);
  const url = (svg: string) => /url\((data:[^)]*)\)/.exec(svg)?.[1] ?? '';
  assert.equal(url(issra), url(ndu), 'the emblems carry the same font');
  const [a, b] = [ownFontUrls(issra), ownFontUrls(ndu)];
  assert.notEqual(url(a), url(b));
  assert.match(url(a), /^data:font\/woff2;drawing=[0-9a-f]{16};base64,/);
  assert.equal(url(a).split(',')[1], url(issra).split(',')[1]);
  // The same drawing always gets the same URL (builds stay reproducible), and the rest of the markup is unchanged.
  assert.equal(ownFontUrls(issra), a);
  assert.equal(a.replace(/;drawing=[0-9a-f]{16}/, ''), issra);
});

test('quoted URLs and font types under application/ are named too; images and drawings without fonts are left alone', () => {
  const svg = `<svg><style>@font-face{font-family:A;src:url("data:application/font-woff;base64,AAAA")}</style><image href="data:image/png;base64,BBBB"/></svg>`;
  const named = ownFontUrls(svg);
  assert.match(named, /url\("data:application\/font-woff;drawing=[0-9a-f]{16};base64,AAAA"\)/);
  assert.match(named, /href="data:image\/png;base64,BBBB"/);
  assert.equal(ownFontUrls('<svg><text>x</text></svg>'), '<svg><text>x</text></svg>');
});
