// Timing helpers for benchmarks: repeated runs of the same input, medians and percentiles.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Sample {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly runs: number;
}

/** Runs fn until both `minRuns` and `minMs` are reached (after `warmup` untimed runs); returns the median. */
export function measure(fn: () => unknown, options: { warmup?: number; minRuns?: number; maxRuns?: number; minMs?: number } = {}): Sample {
  const { warmup = 2, minRuns = 5, maxRuns = 1000, minMs = 300 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < minMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export function summarize(times: readonly number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), runs: sorted.length };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

/**
 * Measures two functions alternately (a, b, a, b, …) so that load from other processes and GC drift hit
 * both alike; for ratios against a floor measured in the same run.
 */
export function measurePair(
  a: () => unknown,
  b: () => unknown,
  options: { warmup?: number; minRuns?: number; maxRuns?: number; minMs?: number } = {},
): [Sample, Sample] {
  const { warmup = 2, minRuns = 5, maxRuns = 1000, minMs = 600 } = options;
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  const start = performance.now();
  while (timesA.length < maxRuns && (timesA.length < minRuns || performance.now() - start < minMs)) {
    let t0 = performance.now();
    a();
    timesA.push(performance.now() - t0);
    t0 = performance.now();
    b();
    timesB.push(performance.now() - t0);
  }
  return [summarize(timesA), summarize(timesB)];
}

/** Wall and CPU medians over repeated runs of fn (after warm-up), until minRuns and minMs are both reached. */
export function measureBoth(
  fn: () => unknown,
  warmup: number,
  minRuns: number,
  minMs: number,
): { medianMs: number; medianCpuMs: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (wall.length < 1000 && (wall.length < minRuns || performance.now() - start < minMs)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { medianMs: median(wall), medianCpuMs: median(cpu), runs: wall.length };
}

/** The machine's load average over 1 / 5 / 15 minutes, for reports beside the figures it may have inflated. */
export function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}
