// Simulator benchmark: one recorded run for 10…10,000 instances, and 10,000 Monte Carlo trials for 100 and
// 1,000 instances. Same inputs every time; medians over repeated runs. Targets (issue #4): one run of
// 1,000 instances under 2 ms; 10,000 trials of 1,000 instances under 1 s.
import { defaultFleet, defaultInput, DEFAULT_FAILURES } from '../../server/src/core/sim/defaults';
import { TrialRunner } from '../../server/src/core/sim/monteCarlo';
import { simulate } from '../../server/src/core/sim/simulate';
import type { SimInput } from '../../server/src/core/sim/types';
import { formatMs, measure } from './measure';
import type { BenchSection } from './types';

export interface SimBenchRow {
  readonly name: string;
  readonly medianMs: number;
  readonly runs: number;
  readonly targetMs?: number;
}

/** A zonal AOS upgrade with 1% independent failures and rollback: every code path of a batch is exercised. */
function benchInput(capacity: number): SimInput {
  return defaultInput({
    trigger: 'aos',
    fleet: { ...defaultFleet(capacity), zones: ['1', '2', '3'], unhealthy: Math.floor(capacity / 100) },
    failures: { ...DEFAULT_FAILURES, probability: 0.01 },
    seed: 42,
  });
}

export async function runSimBenchmarks(): Promise<SimBenchRow[]> {
  const rows: SimBenchRow[] = [];
  for (const capacity of [10, 100, 1000, 10000]) {
    const input = benchInput(capacity);
    const sample = measure(() => simulate(input), { warmup: 20, minRuns: 30, minMs: 300 });
    rows.push({ name: `one run, ${capacity} instances`, medianMs: sample.medianMs, runs: sample.runs, ...(capacity === 1000 ? { targetMs: 2 } : {}) });
  }
  for (const capacity of [100, 1000]) {
    const input = benchInput(capacity);
    const sample = measure(() => new TrialRunner(input).run({ from: 0, count: 10_000 }), { warmup: 1, minRuns: 5, minMs: 0 });
    rows.push({ name: `10,000 trials, ${capacity} instances`, medianMs: sample.medianMs, runs: sample.runs, ...(capacity === 1000 ? { targetMs: 1000 } : {}) });
  }
  return rows;
}

export default async function simBench(): Promise<BenchSection> {
  const rows = await runSimBenchmarks();
  return {
    title: 'Simulator: one recorded run and 10,000 Monte Carlo trials (median ms)',
    header: ['case', 'median ms', 'runs', 'target'],
    rows: rows.map((r) => [r.name, formatMs(r.medianMs), String(r.runs), r.targetMs === undefined ? '' : `< ${r.targetMs} ms`]),
    verdicts: rows.filter((r) => r.targetMs !== undefined).map((r) => `${r.name}: ${formatMs(r.medianMs)} ms (target < ${r.targetMs} ms) — ${r.medianMs < r.targetMs! ? 'met' : 'NOT met'}`),
  };
}
