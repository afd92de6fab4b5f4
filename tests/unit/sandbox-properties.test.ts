import '../helpers/test-cache.js';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { stringify } from 'yaml';
import { check } from '../../src/build/check.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { cssString } from '../../src/document/css-string.js';
import { isAllowedLink } from '../../src/html/rehype-link-policy.js';
import { compileChapter } from '../../src/markdown/compile-chapter.js';
import { packageRoot } from '../../src/package-paths.js';

// Properties of the sandbox (docs/security.md): whatever raw HTML or report.yaml values an author writes, nothing
// reaches the document but the harmless elements and attributes, and no value breaks out of its place.

const breakers = ['"', "'", '<', '>', '</style>', '</p>', '<!--', '-->', ']]>', '\\', '\\"', ';', '}', '{', ')', '(', '/*', '*/', '\n', '\u0000', '\u2028', '&', '&lt;', 'url(', 'javascript:', 'data:', 'file:', '@import'];
const breaking = fc.array(fc.oneof(fc.constantFrom(...breakers), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));

test('a CSS string holds any value: nothing ends it early, and it reads back as the value', () => {
  fc.assert(
    fc.property(fc.oneof(breaking, fc.string({ unit: 'binary' })), (value) => {
      const css = cssString(value);
      assert.match(css, /^"(?:[^"\\<>\n\r\f;{}()']|\\[0-9a-f]{1,6} )*"$/u);
      const read = css.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
      assert.equal(read, value);
    }),
    { numRuns: 2000 },
  );
});

const tags = ['p', 'span', 'div', 'b', 'i', 'sup', 'table', 'td', 'a', 'img', 'style', 'script', 'meta', 'base', 'link', 'iframe', 'svg', 'math', 'template', 'object', 'form', 'input', 'noscript', 'title', 'body', 'html', 'head', 'frameset', 'xmp', 'plaintext', 'textarea'];
const attributeNames = ['data-folio-md', 'folio', 'markdown', 'folio markdown', 'style', 'class', 'id', 'onclick', 'onerror', 'href', 'src', 'srcdoc', 'http-equiv', 'content', 'title', 'lang', 'dir', 'colspan', 'xlink:href', 'formaction', 'action', 'background'];
const attribute = fc.tuple(fc.constantFrom(...attributeNames), fc.oneof(breaking, fc.constantFrom('javascript:alert(1)', 'http://127.0.0.1:9/', 'file:///etc/passwd', '0;url=x.html', 'display:none', 'cover')));
const openTag = fc.tuple(fc.constantFrom(...tags), fc.array(attribute, { maxLength: 3 })).map(([tag, attributes]) => `<${tag}${attributes.map(([name, value]) => ` ${name}="${value.replaceAll('"', '&quot;')}"`).join('')}>`);
const rawHtml = fc.array(fc.oneof(openTag, fc.constantFrom(...tags).map((tag) => `</${tag}>`), fc.constantFrom('text', '\n\n', '# Heading', '*em*', '[link](https://example.org)', '<!-- x -->', '<![CDATA[x]]>')), { maxLength: 16 }).map((parts) => parts.join(''));

/** Elements Markdown and Folio's directives make, beyond the raw-HTML allow-list. */
const fromMarkdown = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'figure', 'figcaption', 'section', 'input', 'th', 'td', 'tr', 'thead', 'tbody', 'table', 'ol', 'ul', 'li', 'p', 'hr', 'br', 'pre', 'code', 'blockquote', 'em', 'strong', 'del', 'sup', 'div', 'span']);
const forbiddenTags = new Set(['style', 'script', 'meta', 'base', 'link', 'iframe', 'svg', 'math', 'template', 'object', 'form', 'noscript', 'title', 'body', 'html', 'head', 'frameset', 'textarea']);

test('random raw HTML, forged marks included: only harmless elements and attributes reach the document', async () => {
  await fc.assert(
    fc.asyncProperty(rawHtml, async (text) => {
      const file = new VFile({ path: 'chapter.md', value: `# Chapter\n\n${text}\n` });
      const tree = await compileChapter(file, { root: packageRoot, hyphenate: (value) => value, idPrefix: 'c1-' });
      visit(tree, 'element', (node: Element) => {
        assert.ok(!forbiddenTags.has(node.tagName) && (fromMarkdown.has(node.tagName) || node.tagName.length <= 10), `<${node.tagName}> in ${JSON.stringify(text)}`);
        for (const [name, value] of Object.entries(node.properties)) {
          assert.ok(!/^on|^style$|^srcDoc$|^httpEquiv$|^formAction$|^dataFolioMd$|\s/i.test(name), `${name} on <${node.tagName}> in ${JSON.stringify(text)}`);
          if (name === 'href') assert.ok(isAllowedLink(String(value)), `href ${String(value)}`);
        }
        if (node.tagName === 'img') assert.ok(typeof node.properties['src'] !== 'string' || !/^(?:https?|javascript|data):/i.test(node.properties['src']), 'no remote image');
      });
    }),
    { numRuns: 500 },
  );
});

// Printable breakers: a character no bundled font has, or a control character, is refused before serialising,
// which would leave too few documents to serialise.
const printableBreaking = fc.array(fc.oneof(fc.constantFrom(...breakers.filter((breaker) => !/[\u0000\u2028]/u.test(breaker))), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
const yamlValue = fc.oneof({ arbitrary: printableBreaking, weight: 3 }, { arbitrary: fc.string({ maxLength: 40 }), weight: 2 }, { arbitrary: breaking, weight: 1 });
// A value the schema refuses in most forms: often a valid one, so that the rest of the document is exercised too.
const maybe = (valid: string) => fc.oneof({ arbitrary: fc.constant(valid), weight: 3 }, { arbitrary: yamlValue, weight: 1 });

test('random report.yaml values: refused with a position, or serialised without opening a single element', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-yaml-props-'));
  await writeFile(path.join(dir, '01.md'), '# Chapter\n\nText.\n');
  let serialised = 0;
  await copyFile(path.join(packageRoot, 'node_modules', '@fontsource', 'source-serif-4', 'files', 'source-serif-4-latin-400-normal.woff'), path.join(dir, 'face.woff'));
  await fc.assert(
    fc.asyncProperty(fc.record({ title: yamlValue, subtitle: yamlValue, disclaimer: yamlValue, primary: maybe('#1f3a5f'), family: maybe('Report Text'), keyword: yamlValue }), async (values) => {
      const config = { title: values.title, subtitle: values.subtitle, disclaimer: values.disclaimer, keywords: [values.keyword], theme: { colors: { primary: values.primary }, fonts: { text: { family: values.family, regular: 'face.woff' } } } };
      await writeFile(path.join(dir, 'report.yaml'), stringify(config));
      const result = await check(dir, silentReporter());
      if (!result.checked) {
        assert.ok(result.files.some((file) => file.messages.some((message) => message.fatal && message.line !== undefined)), 'a positioned error');
        return;
      }
      serialised += 1;
      // Serialised and parsed again as a browser would, the document has exactly the elements of its tree.
      const document = result.checked.document;
      const again = fromHtml(toHtml(document));
      assert.deepEqual(tagsOf(again), tagsOf(document));
    }),
    { numRuns: 200 },
  );
  assert.ok(serialised > 40, `${serialised} of 200 documents were serialised`);
});

function tagsOf(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => void found.push(node.tagName));
  return found;
}
