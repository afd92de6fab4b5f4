import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { readSourceFile } from '../files/read-source-file.js';

const types: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.css': 'text/css',
};

/**
 * A copy of the document with every local resource inside it (stylesheets inlined, images and fonts as data
 * URLs), so the HTML opens anywhere, on its own. The document given is not changed.
 * @param document the assembled document
 */
export async function inlineResources(document: Root): Promise<Root> {
  const copy = structuredClone(document);
  const jobs: Promise<void>[] = [];
  visit(copy, 'element', (node, index, parent) => {
    if (node.tagName === 'img' && typeof node.properties.src === 'string' && node.properties.src.startsWith('file:')) {
      const src = node.properties.src;
      jobs.push(dataUrl(src).then((url) => void (node.properties.src = url)));
    } else if (node.tagName === 'link' && node.properties.rel?.toString() === 'stylesheet' && typeof node.properties.href === 'string' && parent && index !== undefined) {
      const href = node.properties.href;
      jobs.push(
        readFile(fileURLToPath(href), 'utf8')
          .then((css) => inlineCssUrls(css))
          .then((css) => void (parent.children[index] = h('style', css))),
      );
    } else if (node.tagName === 'style') {
      const style: Element = node;
      jobs.push(inlineCssUrls(toString(style)).then((css) => void (style.children = [{ type: 'text', value: css }])));
    }
  });
  await Promise.all(jobs);
  return copy;
}

async function inlineCssUrls(css: string): Promise<string> {
  const urls = [...new Set([...css.matchAll(/url\(\s*["']?(file:[^"')]+)["']?\s*\)/g)].map((match) => match[1] as string))];
  const inlined = new Map(await Promise.all(urls.map(async (url) => [url, await dataUrl(url)] as const)));
  return css.replace(/url\(\s*["']?(file:[^"')]+)["']?\s*\)/g, (_, url: string) => `url("${inlined.get(url) ?? url}")`);
}

async function dataUrl(fileUrl: string): Promise<string> {
  const file = fileURLToPath(fileUrl);
  const type = types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Images and fonts may come from the manuscript folder: read them through the same door as the build did.
  return `data:${type};base64,${(await readSourceFile({ path: file }, 'image')).toString('base64')}`;
}
