import type { Element } from 'hast';
import { h } from 'hastscript';
import type { PersonEntry, ReportConfig } from '../config/report-schema.js';

/**
 * The inner cover: title again, then who sponsored and who compiled the report.
 * @param config report.yaml
 */
export function titlePage(config: ReportConfig): Element {
  return h('section.title-page', { ariaLabel: 'Title page' }, [
    h('div.title-page-head', [
      config.event ? h('p.title-page-event', config.event) : undefined,
      h('p.title-page-title', config.title),
      config.subtitle ? h('p.title-page-subtitle', config.subtitle) : undefined,
      config.date ? h('p.title-page-date', config.date) : undefined,
    ]),
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
