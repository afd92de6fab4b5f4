import type { Element } from 'hast';
import { h } from 'hastscript';
import type { ReportConfig } from '../config/report-schema.js';

/**
 * The page behind the title page: the disclaimer (paragraphs split on blank lines), the publication line and the
 * ISBN (which a library catalogues from this page, as well as from the barcode on the back cover).
 * @param config report.yaml
 * @param published the publication date to print, if any
 */
export function disclaimerPage(config: ReportConfig, published: string | undefined): Element | undefined {
  if (!config.disclaimer && !published && !config.isbn) return undefined;
  const paragraphs = (config.disclaimer ?? '').split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean);
  return h('section.disclaimer-page', { ariaLabel: config.disclaimerTitle }, [
    h('div.disclaimer', [
      paragraphs.length > 0 ? h('p.disclaimer-title', config.disclaimerTitle) : undefined,
      ...paragraphs.map((text) => h('p', text)),
      published ? h('p.imprint', [config.department ? `${config.department}, ` : '', config.organisation ? `${config.organisation}. ` : '', `Published ${published}.`]) : undefined,
      config.isbn ? h('p.imprint', `ISBN ${config.isbn}`) : undefined,
    ]),
  ]);
}
