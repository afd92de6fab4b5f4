import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import rehypeSlug from 'rehype-slug';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { ReportConfig } from '../config/report-schema.js';
import type { Manuscript } from '../manuscript/manuscript.js';
import rehypeTextDirection from '../html/rehype-text-direction.js';
import { warning } from '../messages/emit.js';
import { templatesDir } from '../package-paths.js';
import { reportAuthor } from '../config/report-author.js';
import { backCover } from './back-cover.js';
import { collectHeadings } from './collect-headings.js';
import { contentsPage } from './contents-page.js';
import { cover } from './cover.js';
import { disclaimerPage } from './disclaimer-page.js';
import { placeNotes, retitleNoteGroups } from './place-notes.js';
import { withEndnotes } from './with-endnotes.js';
import { splitChapters } from './split-chapters.js';
import { numberApparatus } from '../cross-references/number-apparatus.js';
import { listsOfCaptions } from '../cross-references/lists-of-captions.js';
import { resolveConfigAsset } from './resolve-config-asset.js';
import { themeStyle } from './theme-style.js';
import { titlePage } from './title-page.js';

/** A compiled chapter: its file (for messages) and its HTML tree. */
export interface CompiledChapter {
  readonly file: VFile;
  readonly tree: Root;
}

/** The theme's stylesheets, in cascade order, for an edition. */
export function stylesheets(edition: 'screen' | 'print'): string[] {
  const names = ['base.css', 'pages.css', 'covers.css', 'contents.css', 'components.css', 'scripts.css', 'layout-controls.css', ...(edition === 'print' ? ['print.css'] : [])];
  return names.map((name) => path.join(templatesDir, name));
}

/**
 * Assemble the whole report as one HTML document: covers, front matter and contents around the chapters,
 * with the theme's stylesheets. Values from report.yaml go into the tree as text, so they are escaped by construction.
 * @param manuscript the manuscript
 * @param chapters compiled chapters, in order
 * @param edition which edition's stylesheets to link
 */
export function assembleDocument(manuscript: Manuscript, chapters: readonly CompiledChapter[], edition: 'screen' | 'print' = 'screen'): Root {
  const { config } = manuscript;
  const images = {
    logo: resolveConfigAsset(manuscript, ['logo'], config.logo),
    organisationLogo: resolveConfigAsset(manuscript, ['organisationLogo'], config.organisationLogo),
    photo: resolveConfigAsset(manuscript, ['cover', 'image'], config.cover.image),
  };
  const sections = chapters.map(({ file, tree }, index) => {
    // A chapter that could not be read (an error already said why) is not also told it lacks a title.
    if (!file.data['empty'] && !file.messages.some((message) => message.fatal) && !tree.children.some((node) => node.type === 'element' && node.tagName === 'h1')) {
      warning(file, 'This chapter has no title: start it with a `# Title` line, so it gets a running head and a contents entry.', 'chapter-title');
    }
    // Each block carries its Markdown line, so layout problems can be reported where the author can fix them.
    for (const node of tree.children) if (node.type === 'element' && node.position) node.properties['dataLine'] = node.position.start.line;
    // `::continue`: the chapter runs on from the one before, on the same page.
    const continues = index > 0 && tree.children.some(isContinueMark) ? 'true' : undefined;
    return h('section.chapter', { dataChapter: String(index + 1), dataSource: file.basename ?? '', dataContinues: continues }, tree.children as Element[]);
  });

  const endnotes = placeNotes(sections, config.notes);
  const main = h('main', withEndnotes(splitChapters(sections), endnotes));
  const body: Root = { type: 'root', children: [main] };
  unified().use(rehypeSlug).runSync(body);
  const captioned = numberApparatus(chapters, { by: config.numbering?.by ?? 'report', headings: config.numbering?.headings ?? false });
  retitleNoteGroups(endnotes);
  const headings = collectHeadings(body, config.contents.depth);
  const contents = contentsPage(config.contents.title, headings);
  contents.children.push(...listsOfCaptions(captioned, config.lists ?? []));

  const published = config.published ? formatDate(config.published, config.language) : undefined;
  const document: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: config.language }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          // No script of the document's own may run, and nothing may load from the network.
          h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy }),
          h('title', config.title),
          reportAuthor(config) ? h('meta', { name: 'author', content: reportAuthor(config) }) : undefined,
          config.subject ? h('meta', { name: 'description', content: config.subject }) : undefined,
          config.keywords ? h('meta', { name: 'keywords', content: config.keywords.join(', ') }) : undefined,
          h('meta', { name: 'generator', content: 'Folio' }),
          ...stylesheets(edition).map((file) => h('link', { rel: 'stylesheet', href: pathToFileURL(file).href })),
          h('style', themeStyle(manuscript, edition)),
        ]),
        h('body', { dataTitle: config.title }, [
          ...directed(config, [cover(config, images), titlePage(config), disclaimerPage(config, published)]),
          contents,
          main,
          ...directed(config, [backCover(config, images)]),
        ]),
      ]),
    ],
  };
  return document;
}

const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline' file: data:",
  'img-src file: data:',
  'font-src file: data:',
  'connect-src file: data:',
].join('; ');

function isContinueMark(node: Root['children'][number]): boolean {
  return node.type === 'element' && Array.isArray(node.properties['className']) && node.properties['className'].includes('continue-mark');
}

function formatDate(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}

/**
 * Give the pages made from report.yaml what the chapters get from the compile stage: a title, name or address in
 * Urdu, Dari, Pashto or Arabic is set right to left in its language (and so in its script's face, with its /Lang).
 */
function directed(config: ReportConfig, pages: (Element | undefined)[]): Element[] {
  const made = pages.filter((page) => page !== undefined);
  const tree: Root = { type: 'root', children: made };
  unified().use(rehypeTextDirection, { languages: config.passageLanguages }).runSync(tree);
  return made;
}
