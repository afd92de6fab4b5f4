import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What one measured run cost. */
export interface Measurement {
  readonly seconds: number;
  /** Peak memory of the whole process tree (browser included), in megabytes: proportional set size (PSS),
   * so memory the browser's processes share is counted once. */
  readonly peakMb: number;
  readonly stderr: string;
  readonly code: number | null;
}

/** Memory (PSS) of a process and all its descendants, from /proc (Linux). */
function treeMemory(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // ended, or not ours to read
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Run a command to its end twice: once timed, with nothing else running, and once with the memory of its whole
 * process tree sampled every 100 ms. (Reading every Chromium process's smaps takes CPU from the measured run, on
 * 2 cores about a fifth of its time: a sampled run's time would be the sampler's too.)
 * @param command the program
 * @param args its arguments
 * @param env extra environment
 * @param prepare run before each of the two runs (to empty caches for a cold build)
 */
export async function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, prepare?: () => Promise<void>): Promise<Measurement> {
  await prepare?.();
  const timed = await run(command, args, env, false);
  if (timed.code !== 0) return timed;
  await prepare?.();
  const sampled = await run(command, args, env, true);
  return { ...timed, peakMb: sampled.peakMb, code: sampled.code, stderr: timed.stderr + sampled.stderr };
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, sample: boolean): Promise<Measurement> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peak = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sampler = sample ? setInterval(() => (peak = Math.max(peak, child.pid ? treeMemory(child.pid) : 0)), 100) : undefined;
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1_048_576, stderr, code });
    });
  });
}
