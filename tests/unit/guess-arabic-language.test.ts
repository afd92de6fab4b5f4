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

test('guessArabicLanguage: only among the languages report.yaml declares, returned as written', () => {
  const dari = 'ما خواهان صلح و پیشرفت در افغانستان هستیم.';
  const urdu = 'دل سے جو بات نکلتی ہے اثر رکھتی ہے';
  assert.equal(guessArabicLanguage(dari, ['fa-AF', 'ps']), 'fa-AF');
  assert.equal(guessArabicLanguage('موږ سوله او پرمختګ غواړو.', ['fa-AF', 'ps']), 'ps');
  // Urdu's own letters count for nothing when Urdu is not declared: its Persian letters decide.
  assert.equal(guessArabicLanguage(urdu, ['fa-AF', 'ps']), 'fa-AF');
  assert.equal(guessArabicLanguage(urdu, ['ar']), undefined);
  assert.equal(guessArabicLanguage(urdu, ['ur']), 'ur');
});
