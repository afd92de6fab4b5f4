import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { compileChapter } from '../../src/markdown/compile-chapter.js';
import { packageRoot } from '../../src/package-paths.js';

/** Compile a chapter and give its HTML. */
async function html(markdown: string, languages?: readonly string[]): Promise<string> {
  const file = new VFile({ path: '01.md', value: markdown });
  return toHtml(await compileChapter(file, { root: packageRoot, hyphenate: (text) => text, idPrefix: 'c1-', languages }));
}

// A heading with no letter only one language uses: تجارت اور آمد و رفت ("trade and traffic").
const chapter = '# پاکستان اور افغانستان کے تعلقات\n\n## تجارت اور آمد و رفت\n\nدونوں ملکوں کے درمیان تعلقات صدیوں پرانے ہیں۔\n';

test('text whose letters cannot tell takes the language of the chapter', async () => {
  assert.match(await html(chapter), /<h2 dir="rtl" lang="ur">تجارت/);
});

test('alone, it is Arabic by default, or the first language report.yaml declares', async () => {
  assert.match(await html('## تجارت اور آمد و رفت\n'), /dir="rtl" lang="ar"/);
  assert.match(await html('## تجارت اور آمد و رفت\n', ['sd', 'ur']), /dir="rtl" lang="sd"/);
  assert.match(await html('A name, سلام, in a sentence.\n', ['fa-AF']), /<bdi dir="rtl" lang="fa-AF">سلام<\/bdi>/);
});

test('the guess chooses only among the languages declared', async () => {
  assert.match(await html('ما خواهان صلح و پیشرفت در افغانستان هستیم.\n', ['fa-AF', 'ps']), /<p dir="rtl" lang="fa-AF">/);
  assert.match(await html(chapter, ['ur']), /<h1[^>]* lang="ur">/);
});

test('a passage gives its language to each of its blocks: a heading in it is its chapter\'s title', async () => {
  const compiled = await html(':::passage{lang=ps}\n# د کابل ښار\n\nیوه جمله.\n:::\n');
  assert.match(compiled, /^<h1 lang="ps" dir="rtl">د کابل ښار<\/h1>\s*<p lang="ps" dir="rtl">/);
  assert.doesNotMatch(compiled, /passage/);
});
