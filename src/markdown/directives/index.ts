import type { DirectiveSpec } from './directive-spec.js';
import { gallery } from './gallery.js';
import { passage } from './passage.js';
import { programme } from './programme.js';
import { speaker, speakers } from './speakers.js';
import { takeaways } from './takeaways.js';

/** Every directive the manuscript format defines (docs/manuscript.md). */
export const directives: readonly DirectiveSpec[] = [speakers, speaker, takeaways, programme, gallery, passage] as readonly DirectiveSpec[];
