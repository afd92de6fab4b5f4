import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { guessArabicLanguage } from '../../src/html/guess-arabic-language.js';
import { fixturesDir } from '../helpers/fixtures.js';

// Eight sentences in each language; franc-min 6.2 names 28 of these 32 right, franc 29, the letter rules all.
for (const lang of ['ur', 'fa', 'ps', 'ar'] as const) {
  test(`guessArabicLanguage: ${lang} sentences`, async () => {
    const lines = (await readFile(path.join(fixturesDir, 'languages', `${lang}.txt`), 'utf8')).trim().split('\n');
    for (const line of lines) assert.equal(guessArabicLanguage(line), lang, line);
  });
}

test('guessArabicLanguage: no distinctive letter, no guess', () => {
  assert.equal(guessArabicLanguage('سلام'), undefined);
});
