import type { DirectiveSpec } from './directive-spec.js';
import { bibliography } from './bibliography.js';
import { gallery } from './gallery.js';
import { passage } from './passage.js';
import { programme } from './programme.js';
import { speaker, speakers } from './speakers.js';
import { takeaways } from './takeaways.js';
import { author } from './author.js';
import { callout } from './callout.js';
import { continuePage } from './continue-page.js';
import { figure } from './figure.js';
import { keep } from './keep.js';
import { landscape } from './landscape.js';
import { pageBreak } from './page-break.js';
import { pullQuote } from './pull-quote.js';
import { summary } from './summary.js';
import { tableStyle } from './table-style.js';

/** Every directive the manuscript format defines (docs/manuscript.md). */
export const directives: readonly DirectiveSpec[] = [speakers, speaker, takeaways, programme, gallery, passage, pageBreak, keep, figure, tableStyle, continuePage, callout, pullQuote, author, summary, landscape, bibliography] as readonly DirectiveSpec[];
