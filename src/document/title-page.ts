import type { Element } from 'hast';
import { h } from 'hastscript';
import type { AuthorEntry, PersonEntry, ReportConfig } from '../config/report-schema.js';
import { authorParts, seriesLine } from '../config/report-author.js';

/**
 * The inner cover: title again, then who sponsored and who compiled the report.
 * @param config report.yaml
 */
export function titlePage(config: ReportConfig): Element {
  return h('section.title-page', { ariaLabel: 'Title page' }, [
    h('div.title-page-head', [
      seriesLine(config) ? h('p.title-page-series', seriesLine(config)) : undefined,
      config.event ? h('p.title-page-event', config.event) : undefined,
      h('p.title-page-title', config.title),
      config.subtitle ? h('p.title-page-subtitle', config.subtitle) : undefined,
      config.date ? h('p.title-page-date', config.date) : undefined,
    ]),
    config.authors?.length ? h('div.title-page-authors', config.authors.map(author)) : undefined,
    h('div.title-page-credits', [credit(config.sponsorLabel, config.sponsor), credit(config.compilerLabel, config.compiler)]),
    h('div.title-page-foot', [
      config.department ? h('p', config.department) : undefined,
      config.organisation ? h('p', config.organisation) : undefined,
    ]),
  ]);
}

function credit(label: string, person: PersonEntry | undefined): Element | undefined {
  if (!person) return undefined;
  const { name, role } = typeof person === 'string' ? { name: person, role: undefined } : person;
  return h('div.credit', [h('p.credit-label', label), h('p.credit-name', name), role ? h('p.credit-role', role) : undefined]);
}

function author(entry: AuthorEntry): Element {
  const { name, role, affiliation } = authorParts(entry);
  return h('div.title-page-author', [
    h('p.author-name', name),
    role ? h('p.author-role', role) : undefined,
    affiliation ? h('p.author-affiliation', affiliation) : undefined,
  ]);
}
