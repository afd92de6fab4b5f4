import { execFileSync } from 'node:child_process';

/** Chromium processes that are running (not zombies waiting to be reaped). */
export function liveBrowsers(): number {
  return execFileSync('ps', ['-eo', 'stat=,comm='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /chrom/i.test(line) && !line.trim().startsWith('Z')).length;
}
