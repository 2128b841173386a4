// Runs one fresh `node` process and measures it: wall time from spawn to exit, and (through usageProbe.cjs,
// preloaded into every process alike) its CPU time and peak RSS. Shared by the process benchmark and the
// profile scripts.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';

const PROBE = join(import.meta.dirname, 'usageProbe.cjs');

export interface Run {
  readonly wallMs: number;
  /** User + system CPU time of the process and its peak RSS, from usageProbe.cjs. */
  readonly cpuMs?: number;
  readonly maxRssKb?: number;
}

export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, min: s[0]!, max: s[s.length - 1]! };
}

/** Runs `node ARGV` once with stdout to `out`: wall time from spawn to exit; CPU and peak RSS from the probe. */
export async function runOnce(
  argv: readonly string[],
  out: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ run: Run; code: number | null; stderr: string }> {
  const fd = openSync(out, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--require', PROBE, ...argv], { stdio: ['ignore', fd, 'pipe', 'pipe'], ...(env ? { env } : {}) });
  let stderr = '';
  let usage = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  (child.stdio[3] as Readable).on('data', (chunk: Buffer) => (usage += chunk.toString()));
  const closed = new Promise((resolve) => child.once('close', resolve));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallMs = performance.now() - t0;
  await closed;
  closeSync(fd);
  const [user, system, rss] = usage.split(' ').map(Number);
  return { run: { wallMs, ...(rss ? { cpuMs: (user! + system!) / 1000, maxRssKb: rss } : {}) }, code, stderr };
}
