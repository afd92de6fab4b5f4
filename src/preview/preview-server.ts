import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { check } from '../build/check.js';
import type { Reporter } from '../cli/reporter.js';
import { formatMessages } from '../cli/format-messages.js';
import { screenEdition } from '../images/edition.js';
import { prepareImages } from '../images/prepare-images.js';
import { svgFontsFor } from '../images/svg-fonts-for.js';
import { buildFolder } from '../output/build-folder.js';
import { templatesDir } from '../package-paths.js';
import { fillContents } from '../render/browser/fill-contents.js';
import { registerFootnotes } from '../render/browser/register-footnotes.js';
import { registerFloatingFigures } from '../render/browser/register-floating-figures.js';
import { registerLandscapePages } from '../render/browser/register-landscape-pages.js';
import { registerPagedHandlers } from '../render/browser/register-paged-handlers.js';
import { pagedConfig, pagedPolyfillSource } from '../render/paged-polyfill.js';
import { rendererRoots } from '../render/renderer-roots.js';
import { decodePath } from '../files/decode-path.js';
import { locateInside } from '../files/locate-inside.js';
import { isLoopbackHost } from './is-loopback-host.js';
import { watchSources } from '../watch/watch-sources.js';
import { keepCompiledChapters } from '../markdown/compile-cache.js';
import { keepCitationEngines } from '../citations/csl-engine.js';
import { previewClient } from './client.js';
import { filesPrefix, previewDocument } from './preview-document.js';

const types: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.otf': 'font/otf' };

/** A running preview. */
export interface Preview {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The live preview: a web server on 127.0.0.1 that shows the report as the PDF will be (Paged.js lays it out in
 * the reader's Chromium-based browser, with Folio's own handlers) and reloads it on every save, coming back to
 * the same place. A broken manuscript shows its errors over the last good pages.
 * @param options the manuscript folder and the port (0: any free one)
 * @param reporter where progress goes
 */
export async function startPreview(options: { dir: string; port: number }, reporter: Reporter): Promise<Preview> {
  keepCompiledChapters();
  keepCitationEngines();
  const root = path.resolve(options.dir);
  const work = buildFolder(root);
  const roots = [root, work, ...rendererRoots];
  const clients = new Set<ServerResponse>();
  let html: string | undefined;
  let lastError: string | undefined;

  const send = (event: string, data: string) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${data.replaceAll('\n', '\ndata: ')}\n\n`);
  };

  const rebuild = async () => {
    const started = performance.now();
    const result = await check(root, reporter);
    if (result.failed || !result.checked) {
      lastError = formatMessages(result.files);
      reporter.messages(result.files);
      send('failed', lastError);
      return;
    }
    lastError = undefined;
    await prepareImages(result.checked.document, screenEdition, path.join(work, 'images'), undefined, svgFontsFor(result.checked.manuscript));
    const document = previewDocument(result.checked.document);
    html = toHtml(document).replace('<head>', `<head><meta name="folio-built" content="${Math.round(performance.now() - started)} ms">`);
    reporter.info(`Preview updated (${Math.round(performance.now() - started)} ms)`);
    send('built', String(Date.now()));
  };

  let port = 0;
  const server = createServer(async (request, response) => {
    // Only pages opened from this machine by its loopback name: a web page elsewhere that rebinds its own name
    // to 127.0.0.1 (DNS rebinding) sends its own Host, and gets nothing.
    if (!isLoopbackHost(request.headers.host, port)) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Folio preview answers only http://127.0.0.1, localhost or [::1] on its port.\n');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(html ?? errorPage(lastError ?? 'Building…'));
      } else if (url.pathname === '/__folio/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        clients.add(response);
        if (lastError) response.write(`event: failed\ndata: ${lastError.replaceAll('\n', '\ndata: ')}\n\n`);
        request.on('close', () => clients.delete(response));
      } else if (url.pathname === '/__folio/paged.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(`window.PagedConfig = ${JSON.stringify(pagedConfig)};\n${await pagedPolyfillSource()}`);
      } else if (url.pathname === '/__folio/client.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(`(${previewClient.toString()})(() => { (${registerPagedHandlers.toString()})(); (${registerFootnotes.toString()})(); (${registerLandscapePages.toString()})(); (${registerFloatingFigures.toString()})(); }, ${fillContents.toString()});`);
      } else if (url.pathname === '/__folio/preview.css') {
        response.writeHead(200, { 'content-type': 'text/css' });
        response.end(await readFile(path.join(templatesDir, 'preview.css')));
      } else if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
      } else if (url.pathname.startsWith(`${filesPrefix}/`)) {
        // Through the file-access layer: a real path inside the folders, a regular file, never a link's target outside.
        const located = locateInside(roots, decodePath(url.pathname.slice(filesPrefix.length)), 'image');
        const handle = located.found ? await open(located.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => undefined) : undefined;
        if (!located.found || !handle) {
          response.writeHead(404).end();
          return;
        }
        // A manuscript's file opened on its own (an SVG with a script in it) must not run on the preview's origin.
        response.writeHead(200, { 'content-type': types[path.extname(located.path).toLowerCase()] ?? 'application/octet-stream', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox", 'x-content-type-options': 'nosniff' });
        if (located.size === 0) void handle.close().then(() => response.end());
        else handle.createReadStream({ end: located.size - 1 }).pipe(response);
      } else {
        response.writeHead(404).end();
      }
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });

  await rebuild();
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  port = address.port;

  const watcher = await watchSources({
    paths: [root, templatesDir],
    ignore: (file) => file.startsWith(work),
    run: () => rebuild().catch((error: unknown) => reporter.info(`folio: ${error instanceof Error ? error.message : String(error)}`)),
  });

  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      await watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Shown until a first good build exists: the errors, and a reload when a build succeeds. */
function errorPage(text: string): string {
  return toHtml(
    h('html', [
      h('head', [h('meta', { charset: 'utf-8' }), h('title', 'Folio preview')]),
      h('body', { dataFolioError: 'yes' }, [
        h('pre#folio-errors', { style: 'font: 14px/1.5 monospace; padding: 2em; white-space: pre-wrap' }, text),
        h('script', "new EventSource('/__folio/events').addEventListener('built', () => location.reload());"),
      ]),
    ]),
  );
}
