import type { Element } from 'hast';
import { h } from 'hastscript';
import type { ReportConfig } from '../config/report-schema.js';
import { authorParts, seriesLine } from '../config/report-author.js';

/** Images the cover may show, already resolved to URLs. */
export interface CoverImages {
  readonly logo?: string | undefined;
  readonly organisationLogo?: string | undefined;
  readonly photo?: string | undefined;
}

/**
 * The front cover: emblem, event, title, subtitle and dates on the theme colour; no page number.
 * @param config report.yaml
 * @param images resolved image URLs
 */
export function cover(config: ReportConfig, images: CoverImages): Element {
  return h('section.cover', { ariaLabel: 'Cover', className: images.photo ? ['has-photo'] : [] }, [
    images.photo ? h('img.cover-photo', { src: images.photo, alt: '' }) : undefined,
    h('div.cover-top', [
      images.logo ? h('img.cover-logo', { src: images.logo, alt: `Emblem of ${config.department ?? config.organisation ?? 'the publisher'}` }) : undefined,
    ]),
    h('div.cover-main', [
      seriesLine(config) ? h('p.cover-series', seriesLine(config)) : undefined,
      config.event ? h('p.cover-event', config.event) : undefined,
      h('p.cover-title', config.title),
      config.subtitle ? h('p.cover-subtitle', config.subtitle) : undefined,
      h('div.cover-rule'),
      config.date ? h('p.cover-date', config.date) : undefined,
      config.venue ? h('p.cover-venue', config.venue) : undefined,
      config.authors?.length ? h('p.cover-authors', config.authors.map((entry) => authorParts(entry).name).join(' · ')) : undefined,
    ]),
    h('div.cover-bottom', [
      images.organisationLogo ? h('img.cover-organisation-logo', { src: images.organisationLogo, alt: `Emblem of ${config.organisation ?? 'the organisation'}` }) : undefined,
      h('div', [
        config.department ? h('p.cover-department', config.department) : undefined,
        config.organisation ? h('p.cover-organisation', config.organisation) : undefined,
      ]),
    ]),
  ]);
}
