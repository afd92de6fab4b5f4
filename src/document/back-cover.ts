import type { Element } from 'hast';
import { h } from 'hastscript';
import type { ReportConfig } from '../config/report-schema.js';
import type { CoverImages } from './cover.js';
import { isbnBarcode } from './isbn-barcode.js';

/**
 * The back cover: emblems and the publisher's name on the theme colour; no page number.
 * @param config report.yaml
 * @param images resolved image URLs
 */
export function backCover(config: ReportConfig, images: CoverImages): Element {
  return h('section.back-cover', { ariaLabel: 'Back cover' }, [
    h('div.back-cover-main', [
      images.logo ? h('img.back-cover-logo', { src: images.logo, alt: '' }) : undefined,
      config.backCover.text ? h('p.back-cover-text', config.backCover.text) : undefined,
    ]),
    h('div.back-cover-foot', [
      images.organisationLogo ? h('img.back-cover-organisation-logo', { src: images.organisationLogo, alt: '' }) : undefined,
      config.department ? h('p.back-cover-department', config.department) : undefined,
      config.organisation ? h('p.back-cover-organisation', config.organisation) : undefined,
      config.isbn ? isbnBarcode(config.isbn) : undefined,
    ]),
  ]);
}
