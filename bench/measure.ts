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
 * Run a command to its end, timing it and sampling the memory of its whole process tree every 200 ms.
 * @param command the program
 * @param args its arguments
 * @param env extra environment
 */
export function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peak = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Reading every Chromium process's smaps costs CPU the measured run then lacks (2 cores): not more often.
    const sampler = setInterval(() => (peak = Math.max(peak, child.pid ? treeMemory(child.pid) : 0)), 200);
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1_048_576, stderr, code });
    });
  });
}
