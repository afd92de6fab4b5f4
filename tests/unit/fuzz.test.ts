import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { loadConfig } from '../../src/config/load-config.js';
import { compileChapter } from '../../src/markdown/compile-chapter.js';
import { packageRoot } from '../../src/package-paths.js';

// Property: whatever a person types, the check and HTML stages answer with output or positioned messages,
// never a crash and never a hang.

const fragments = [
  '# Title', '## Section', '### Sub', '#### Deep', '', '\n', '- item', '1. item', '> quote', '```', '~~~', '---', '***',
  ':::speakers', ':::takeaways[Key]', ':::programme[Day]', ':::gallery', ':::', '::::', ':::unknown', '::speaker[Name]{photo="x.jpg" designation="D" label="Moderator"}',
  '::speaker', '::speaker[]{}', '::gallery', ':word', ':a[b]{c=d}', '{#id .class}', '| a | b |', '|---|---|', '| x | |', '| **S** *M* | |',
  '![alt](images/missing.jpg "Caption")', '![](https://example.com/x.png)', '![x](../../etc/passwd)', '[link](#nowhere)', '[^1]', '[^1]: note',
  '<script>alert(1)</script>', '<div onclick="x()">d</div>', '<img src=x onerror=y>', '<!-- c -->', '<p style="a">', '</p>', '<iframe>',
  '"quotes" -- dashes --- ellipsis...', 'سلام', '🇵🇰', '\u0000', '\uFEFF', '\t', '\\', '*', '_', '`', '**', '~~', '[x]', '- [ ] task',
];

const markdown = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join('\n'));

const yamlScalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('[a, b]', '{a: 1}', '"unclosed', "'x'", '- item', '2024-01-01', '#123456'));
const yamlKeys = fc.constantFrom('title', 'subtitle', 'date', 'published', 'keywords', 'sponsor', 'theme', 'contents', 'language', 'logo', 'unknown', 'Title', ' title', 'depth');
const yaml = fc.oneof(
  fc.array(fc.tuple(yamlKeys, yamlScalar, fc.constantFrom('', '  ', '\t')), { maxLength: 8 }).map((pairs) => pairs.map(([key, value, indent]) => `${indent}${key}: ${String(value)}`).join('\n')),
  fc.string({ maxLength: 200 }),
);

test('random report.yaml: a config or positioned messages, never a crash', () => {
  fc.assert(
    fc.property(yaml, (text) => {
      const file = new VFile({ path: 'report.yaml', value: text });
      const loaded = loadConfig(file);
      if (loaded) assert.equal(typeof loaded.config.title, 'string');
      else assert.ok(file.messages.length > 0 && file.messages.every((m) => m.line !== undefined && m.ruleId), 'every failure is a positioned message');
    }),
    { numRuns: 1000 },
  );
});

test('random Markdown with directives: an HTML tree or positioned messages, never a crash or a hang', async () => {
  await fc.assert(
    fc.asyncProperty(markdown, async (text) => {
      const file = new VFile({ path: 'chapter.md', value: text });
      const started = performance.now();
      const tree = await compileChapter(file, { root: packageRoot, hyphenate: (value) => value, idPrefix: 'c1-' });
      assert.equal(tree.type, 'root');
      assert.ok(performance.now() - started < 5000, 'compiles in well under five seconds');
      for (const message of file.messages) assert.ok(message.ruleId && message.source === 'folio', `a Folio message: ${message.reason}`);
    }),
    { numRuns: 1000 },
  );
});
