import { execFileSync } from 'node:child_process';

/**
 * Chromium processes whose command line names `marker`: give a build its own TMPDIR and Chromium's profile folder
 * lies in it, so only that build's browser counts, whatever else runs on the machine.
 * @param marker a folder only that build uses
 */
export function browsersUnder(marker: string): number {
  return execFileSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(marker) && /chrom/i.test(line) && !line.trim().startsWith('Z')).length;
}

/**
 * Wait until no browser under `marker` is left, or ten seconds have passed; how many are left.
 * @param marker as for browsersUnder
 */
export async function browsersLeftUnder(marker: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (browsersUnder(marker) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return browsersUnder(marker);
}
