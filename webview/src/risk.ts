/**
 * Monte Carlo for the risk panel, run in small slices on the main thread: each slice is sized to take
 * about SLICE_MS (4 ms), then the loop yields through a MessageChannel (no 4 ms setTimeout clamp), so typing,
 * hovering and clicking stay responsive during 10,000 trials. A newer run cancels the older one.
 */
import {
  TrialRunner,
  alternativeScope,
  alternatives,
  compareOutcomes,
  mergeChunks,
  summarizeTrials,
} from '../../server/src/core/sim/index';
import { nextTask } from './nextTask';
import type { MonteCarloSummary, Sensitivity, SimInput, TrialChunk } from '../../server/src/core/sim/index';

const SLICE_MS = 4;
/** Caps a slice even when the last one looked fast (timer coarsening, a busy CPU, GC): 400 trials ≈ 12 ms. */
const MAX_SLICE = 400;
/** Sensitivity re-runs every single-switch alternative on this many trials (same seeds, so comparable). */
export const SENSITIVITY_TRIALS = 2000;

export interface RiskResult {
  readonly summary: MonteCarloSummary;
  readonly sensitivity: readonly Sensitivity[];
  readonly sensitivityTrials: number;
}

export interface RiskProgress {
  readonly done: number;
  readonly total: number;
}

export interface RiskJob {
  cancel(): void;
}

/** Runs `count` trials of `runner` in time-boxed slices; `step` reports each finished chunk. */
function sliced(runner: TrialRunner, count: number, isCancelled: () => boolean, step: (chunk: TrialChunk) => void, done: () => void): void {
  let from = 0;
  let size = 20;
  const tick = () => {
    if (isCancelled()) return;
    const started = performance.now();
    const chunk = runner.run({ from, count: Math.min(size, count - from) });
    const took = performance.now() - started;
    from += chunk.count;
    // Aim each slice at SLICE_MS from the speed just measured, growing at most 2x at a time.
    size = Math.max(1, Math.min(size * 2, MAX_SLICE, Math.floor((chunk.count * SLICE_MS) / Math.max(took, 0.1))));
    step(chunk);
    if (from >= count) done();
    else nextTask(tick);
  };
  nextTask(tick);
}

export function runRisk(input: SimInput, trials: number, onProgress: (p: RiskProgress) => void, onDone: (r: RiskResult) => void): RiskJob {
  let cancelled = false;
  const isCancelled = () => cancelled;
  // Switches that cannot change this input (alternativeScope) are left out once the base trials are known.
  let alts = alternatives(input.assumptions);
  const sensitivityTrials = Math.min(trials, SENSITIVITY_TRIALS);
  let total = trials + alts.length * sensitivityTrials;
  let done = 0;
  const chunks: TrialChunk[] = [];
  const report = (n: number) => {
    done += n;
    onProgress({ done, total });
  };
  sliced(
    new TrialRunner(input),
    trials,
    isCancelled,
    (c) => {
      chunks.push(c);
      report(c.count);
    },
    () => {
      const all = mergeChunks(chunks);
      const summary = summarizeTrials(all);
      const base = all;
      alts = alternatives(input.assumptions, alternativeScope(input, base.duration, sensitivityTrials));
      total = trials + alts.length * sensitivityTrials;
      const rows: Sensitivity[] = [];
      const runAlt = (i: number) => {
        if (i >= alts.length) {
          onDone({ summary, sensitivity: rows, sensitivityTrials });
          return;
        }
        const alt = alts[i]!;
        const altChunks: TrialChunk[] = [];
        sliced(
          new TrialRunner({ ...input, assumptions: alt.values }),
          sensitivityTrials,
          isCancelled,
          (c) => {
            altChunks.push(c);
            report(c.count);
          },
          () => {
            rows.push(compareOutcomes(alt, base, mergeChunks(altChunks), sensitivityTrials));
            runAlt(i + 1);
          },
        );
      };
      runAlt(0);
    },
  );
  return {
    cancel: () => {
      cancelled = true;
    },
  };
}
