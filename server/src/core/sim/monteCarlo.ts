/**
 * Monte Carlo: N trials of the same engine without an event log, trial i on the seed's stream jumped i
 * times (2^64 steps apart, never overlapping). Sliceable: run [from, from + count) in chunks, merge, then
 * summarise, so a webview can stay responsive and the CLI can show progress. Trial 0 is the single run.
 */
import { alternatives } from './assumptions';
import type { AlternativeScope, AssumptionName } from './assumptions';
import { execute, newScratch, prepare } from './engine';
import { Rng } from './rng';
import type { Prepared } from './runState';
import type { Scratch } from './engine';
import type { HaltCode, RunStatus, SimInput } from './simData';

export const OUTCOMES = [
  'Completed',
  'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade',
  'MaxUnhealthyInstancePercentExceededInRollingUpgrade',
  'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade',
  'Cancelled',
  'NotStarted',
  'RollingUpgradeTimeoutError',
  'OperationNotAllowed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Raw per-trial results of one slice; typed arrays so chunks are cheap to post to a webview. */
export interface TrialChunk {
  readonly from: number;
  readonly count: number;
  readonly outcome: Uint8Array;
  readonly duration: Float64Array;
  readonly minServing: Int32Array;
  readonly attempted: Int32Array;
  readonly rolledBack: Int32Array;
  readonly failed: Int32Array;
}

export class TrialRunner {
  readonly prepared: Prepared;
  private readonly scratch: Scratch;
  private readonly base: Rng;
  /** The stream of trial `index`, kept so consecutive slices need no re-jumping. */
  private cursor: { index: number; rng: Rng };

  constructor(input: SimInput) {
    this.prepared = prepare(input);
    this.scratch = newScratch(this.prepared);
    this.base = Rng.fromSeed(input.seed);
    this.cursor = { index: 0, rng: this.base.clone() };
  }

  run(slice: { from: number; count: number }): TrialChunk {
    const { from, count } = slice;
    const chunk: TrialChunk = {
      from,
      count,
      outcome: new Uint8Array(count),
      duration: new Float64Array(count),
      minServing: new Int32Array(count),
      attempted: new Int32Array(count),
      rolledBack: new Int32Array(count),
      failed: new Int32Array(count),
    };
    const stream = this.streamAt(from);
    for (let k = 0; k < count; k++) {
      const r = execute(this.prepared, stream.clone(), this.scratch, null);
      chunk.outcome[k] = outcomeIndex(r.status, r.errorCode);
      chunk.duration[k] = r.durationSeconds;
      chunk.minServing[k] = r.minServing;
      chunk.attempted[k] = r.attempted;
      chunk.rolledBack[k] = r.rolledBack;
      chunk.failed[k] = r.failed;
      stream.jump();
    }
    this.cursor = { index: from + count, rng: stream };
    return chunk;
  }

  private streamAt(index: number): Rng {
    const start = index >= this.cursor.index ? this.cursor : { index: 0, rng: this.base };
    const rng = start.rng.clone();
    for (let i = start.index; i < index; i++) rng.jump();
    return rng;
  }
}

export function outcomeIndex(status: RunStatus, code: HaltCode | null): number {
  return OUTCOMES.indexOf((code ?? status) as Outcome);
}

export function runTrials(input: SimInput, slice: { from: number; count: number }): TrialChunk {
  return new TrialRunner(input).run(slice);
}

/** Concatenates contiguous chunks (in any order) into one. */
export function mergeChunks(chunks: readonly TrialChunk[]): TrialChunk {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const from = sorted[0]?.from ?? 0;
  let at = from;
  for (const c of sorted) {
    if (c.from !== at) throw new Error(`chunks are not contiguous: expected a chunk from ${at}, got ${c.from}`);
    at += c.count;
  }
  const cat = <T extends Uint8Array | Float64Array | Int32Array>(make: (n: number) => T, pick: (c: TrialChunk) => T): T => {
    const out = make(at - from);
    let offset = 0;
    for (const c of sorted) {
      out.set(pick(c), offset);
      offset += c.count;
    }
    return out;
  };
  return {
    from,
    count: at - from,
    outcome: cat(
      (n) => new Uint8Array(n),
      (c) => c.outcome,
    ),
    duration: cat(
      (n) => new Float64Array(n),
      (c) => c.duration,
    ),
    minServing: cat(
      (n) => new Int32Array(n),
      (c) => c.minServing,
    ),
    attempted: cat(
      (n) => new Int32Array(n),
      (c) => c.attempted,
    ),
    rolledBack: cat(
      (n) => new Int32Array(n),
      (c) => c.rolledBack,
    ),
    failed: cat(
      (n) => new Int32Array(n),
      (c) => c.failed,
    ),
  };
}

export interface MonteCarloSummary {
  readonly trials: number;
  readonly pComplete: number;
  /** Standard error of pComplete: sqrt(p(1 − p)/n). */
  readonly pCompleteStdErr: number;
  readonly pCancelled: number;
  /** Probability of each halt code. */
  readonly haltsByCode: Readonly<Record<HaltCode, number>>;
  readonly durationSeconds: { readonly p50: number; readonly p90: number; readonly p99: number; readonly mean: number };
  readonly minServingInstances: {
    readonly min: number;
    readonly p1: number;
    readonly p10: number;
    readonly p50: number;
    readonly mean: number;
    readonly histogram: readonly { readonly value: number; readonly count: number }[];
  };
  /** Instances whose upgrade started before the run stopped: mean over all trials and over halted ones. */
  readonly blastRadius: { readonly mean: number; readonly meanGivenHalt: number | null };
  readonly rollbacks: { readonly mean: number; readonly max: number };
}

export function summarizeTrials(chunk: TrialChunk): MonteCarloSummary {
  const n = chunk.count;
  const counts = new Array(OUTCOMES.length).fill(0) as number[];
  let haltAttempted = 0;
  let halts = 0;
  for (let k = 0; k < n; k++) {
    const o = chunk.outcome[k]!;
    counts[o]!++;
    if ((o >= 1 && o <= 3) || o === 6) {
      halts++;
      haltAttempted += chunk.attempted[k]!;
    }
  }
  const pComplete = n > 0 ? counts[0]! / n : 0;
  const histogram = new Map<number, number>();
  for (const v of chunk.minServing) histogram.set(v, (histogram.get(v) ?? 0) + 1);
  return {
    trials: n,
    pComplete,
    pCompleteStdErr: n > 0 ? Math.sqrt((pComplete * (1 - pComplete)) / n) : 0,
    pCancelled: n > 0 ? counts[4]! / n : 0,
    haltsByCode: {
      MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade: n > 0 ? counts[1]! / n : 0,
      MaxUnhealthyInstancePercentExceededInRollingUpgrade: n > 0 ? counts[2]! / n : 0,
      MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade: n > 0 ? counts[3]! / n : 0,
      RollingUpgradeTimeoutError: n > 0 ? counts[6]! / n : 0,
      OperationNotAllowed: n > 0 ? counts[7]! / n : 0,
    },
    durationSeconds: {
      p50: percentile(chunk.duration, 50),
      p90: percentile(chunk.duration, 90),
      p99: percentile(chunk.duration, 99),
      mean: mean(chunk.duration),
    },
    minServingInstances: {
      min: percentile(chunk.minServing, 0),
      p1: percentile(chunk.minServing, 1),
      p10: percentile(chunk.minServing, 10),
      p50: percentile(chunk.minServing, 50),
      mean: mean(chunk.minServing),
      histogram: [...histogram].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count })),
    },
    blastRadius: { mean: mean(chunk.attempted), meanGivenHalt: halts > 0 ? haltAttempted / halts : null },
    rollbacks: { mean: mean(chunk.rolledBack), max: chunk.rolledBack.reduce((m, v) => Math.max(m, v), 0) },
  };
}

/** Nearest-rank percentile (0 → minimum). */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : 0;
}

/** All trials at once; `onProgress(done, total)` after each chunk. */
export function monteCarlo(
  input: SimInput,
  trials: number,
  onProgress?: (done: number, total: number) => void,
  chunkSize = 1000,
): MonteCarloSummary {
  const runner = new TrialRunner(input);
  const chunks: TrialChunk[] = [];
  for (let from = 0; from < trials; from += chunkSize) {
    chunks.push(runner.run({ from, count: Math.min(chunkSize, trials - from) }));
    onProgress?.(Math.min(trials, from + chunkSize), trials);
  }
  return summarizeTrials(mergeChunks(chunks));
}

export interface Sensitivity {
  readonly assumption: AssumptionName;
  readonly value: string;
  readonly pComplete: number;
  /** pComplete with the switch minus pComplete without it (same seeds). */
  readonly deltaPComplete: number;
  /** Median duration with the switch, and its difference from the baseline's. */
  readonly durationP50Seconds: number;
  readonly deltaDurationP50Seconds: number;
  /** The 1st percentile of the minimum serving instances with the switch, and its difference. */
  readonly minServingP1: number;
  readonly deltaMinServingP1: number;
  /** Fraction of trials (same seeds) whose outcome differs from the baseline's. */
  readonly changedTrials: number;
  /**
   * The switch matters: P(complete) moves beyond noise (a paired McNemar test on the trials that flip,
   * |c − b| > 3·sqrt(b + c), where b trials stop completing and c start to), the median duration moves by
   * more than 10 %, or the 1st-percentile minimum serving moves by at least one instance.
   */
  readonly changesOutcome: boolean;
}

/** Duration differences of at most this share of the baseline's median are noise. */
export const DURATION_NOISE = 0.1;

/** Re-runs the trials with each single-switch alternative (common random numbers) and compares them. */
export function sensitivity(input: SimInput, trials: number): Sensitivity[] {
  const base = new TrialRunner(input).run({ from: 0, count: trials });
  return alternatives(input.assumptions, alternativeScope(input, base.duration, trials)).map((alt) =>
    compareOutcomes(alt, base, new TrialRunner({ ...input, assumptions: alt.values }).run({ from: 0, count: trials }), trials),
  );
}

/** The scope of `alternatives` for an input whose first `trials` trials lasted `durations`. */
export function alternativeScope(input: SimInput, durations: ArrayLike<number>, trials: number): AlternativeScope {
  let longest = 0;
  for (let k = 0; k < Math.min(trials, durations.length); k++) longest = Math.max(longest, durations[k]!);
  return { zonal: input.fleet.zones.length > 0, uniform: input.orchestrationMode === 'Uniform', longestSeconds: longest };
}

/** The trials a comparison reads: outcome, duration and minimum serving per trial (a TrialChunk has them). */
export interface TrialColumns {
  readonly outcome: Uint8Array;
  readonly duration: Float64Array;
  readonly minServing: Int32Array;
}

/**
 * One alternative's first `trials` trials against the baseline's, trial by trial (the same seeds): what the
 * CLI reports and what the preview, which runs the trials in slices, computes from the same arrays.
 */
export function compareOutcomes(
  alt: { readonly name: AssumptionName; readonly value: string },
  baseTrials: TrialColumns,
  otherTrials: TrialColumns,
  trials: number,
): Sensitivity {
  const base = baseTrials.outcome;
  const other = otherTrials.outcome;
  let changed = 0;
  let lost = 0;
  let gained = 0;
  let baseComplete = 0;
  for (let k = 0; k < trials; k++) {
    if (base[k] === 0) baseComplete++;
    if (other[k] !== base[k]) changed++;
    if (base[k] === 0 && other[k] !== 0) lost++;
    if (base[k] !== 0 && other[k] === 0) gained++;
  }
  const complete = baseComplete - lost + gained;
  const flips = lost + gained;
  const baseDuration = percentile(baseTrials.duration.subarray(0, trials), 50);
  const duration = percentile(otherTrials.duration.subarray(0, trials), 50);
  const baseServing = percentile(baseTrials.minServing.subarray(0, trials), 1);
  const serving = percentile(otherTrials.minServing.subarray(0, trials), 1);
  const outcomeMoves = flips > 0 && Math.abs(gained - lost) > 3 * Math.sqrt(flips);
  const durationMoves = Math.abs(duration - baseDuration) > DURATION_NOISE * baseDuration;
  const servingMoves = Math.abs(serving - baseServing) >= 1;
  return {
    assumption: alt.name,
    value: alt.value,
    pComplete: trials > 0 ? complete / trials : 0,
    deltaPComplete: trials > 0 ? (gained - lost) / trials : 0,
    durationP50Seconds: duration,
    deltaDurationP50Seconds: duration - baseDuration,
    minServingP1: serving,
    deltaMinServingP1: serving - baseServing,
    changedTrials: trials > 0 ? changed / trials : 0,
    changesOutcome: outcomeMoves || durationMoves || servingMoves,
  };
}
