import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHyphenator } from '../../src/html/create-hyphenator.js';

const { hyphenate } = createHyphenator('en-GB');
const shown = (text: string) => hyphenate(text).replaceAll('\u00AD', '-');

test('English breaks by the parts of a word, not "star-ted" or "misalloc-ate" (the British patterns)', () => {
  assert.equal(shown('started'), 'started');
  assert.equal(shown('requested'), 'requested');
  assert.equal(shown('misallocate'), 'mis-al-lo-cate');
  assert.equal(shown('important'), 'impor-tant');
  assert.equal(shown('follow'), 'follow');
});

test('every break leaves at least three letters on either side', () => {
  const words = 'advisers upholding imperative international beliefs dilemma exploring inherent regional development enhance becomes instead recommend allocated'.split(' ');
  for (const word of shown(words.join(' ')).split(' ')) {
    for (const part of [word.split('-')[0] ?? '', word.split('-').at(-1) ?? '']) assert.ok(part.length >= 3, word);
  }
});

test('names keep their capitals and stay whole; an exception keeps the capital of a word that starts a sentence', () => {
  assert.equal(shown('Balochistan'), 'Balochistan');
  assert.equal(shown('misallocate, Misallocate'), 'mis-al-lo-cate, Misallocate');
});
