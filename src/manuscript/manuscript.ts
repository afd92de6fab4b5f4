import type { VFile } from 'vfile';
import type { Position } from 'unist';
import type { ReportConfig } from '../config/report-schema.js';

/** A manuscript folder, read and validated: what every later stage starts from. */
export interface Manuscript {
  /** Absolute path of the manuscript folder; images resolve against it. */
  readonly root: string;
  readonly config: ReportConfig;
  /** Where a key of report.yaml stands, for messages about its value. */
  readonly locate: (path: readonly (string | number)[]) => Position | undefined;
  /** `report.yaml`, carrying its messages. */
  readonly configFile: VFile;
  /** Chapter files in build order. */
  readonly chapters: readonly VFile[];
  /** The bibliography file named in report.yaml, when there is one. */
  readonly bibliography?: VFile;
}
