// Folio's public API, for scripts that build reports without the command line.
export { build, type BuildOptions, type BuildResult } from './build/build.js';
export { createReporter, silentReporter, type Reporter } from './cli/reporter.js';
export { formatMessages } from './cli/format-messages.js';
export { ReportSchema, type ReportConfig, type ReportInput } from './config/report-schema.js';
export { readManuscript } from './manuscript/read-manuscript.js';
export type { Manuscript } from './manuscript/manuscript.js';
export { compileChapter } from './markdown/compile-chapter.js';
export { default as remarkFolioDirectives } from './markdown/remark-folio-directives.js';
export { directives } from './markdown/directives/index.js';
export { rules, type RuleId } from './messages/rules.js';
export { FolioError } from './messages/folio-error.js';
export { ManuscriptError } from './messages/manuscript-error.js';
export { locateBrowser } from './render/find-browser.js';
