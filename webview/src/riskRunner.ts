/**
 * The preview's Monte Carlo job: one run at a time (a newer start cancels the older one), its progress
 * throttled to what a person can read, and the last finished runs kept by input and trial count, so a pinned
 * or revisited input needs no re-run. Drawing stays with the caller, which knows where the risk slot is now.
 */
import { runRisk } from './risk';
import type { RiskJob, RiskProgress, RiskResult } from './risk';
import type { PreviewResult } from './result';
import type { RiskState } from './view/riskView';

type SimInput = PreviewResult['input'];

/** Redrawing the progress bar more often than this costs layout work and shows nothing a person can read. */
const PROGRESS_EVERY_MS = 100;
/** Enough for a compare session's back-and-forth; each entry is a summary and a sensitivity table, not the trials. */
const CACHE_SIZE = 16;

export class RiskRunner {
  private readonly cache = new Map<string, RiskResult>();
  private job: RiskJob | null = null;
  /** The last progress the running job reported, so a redraw shows it instead of 0. */
  private lastProgress: RiskProgress = { done: 0, total: 0 };
  /** Bumped by every start and cancel, so a superseded run never draws into the current slot. */
  private generation = 0;

  cached(input: SimInput, trials: number): RiskResult | undefined {
    return this.cache.get(key(input, trials));
  }

  /** The running job's latest progress, or null when no job is running. */
  get progress(): RiskProgress | null {
    return this.job ? this.lastProgress : null;
  }

  cancel(): void {
    this.generation++;
    this.job?.cancel();
    this.job = null;
  }

  /**
   * Shows the cached result of `input` at once and returns it, or starts a run that shows its progress and then
   * its result; `onDone` hears of a finished run (not of a cache hit) after the cache has it.
   */
  start(input: SimInput, trials: number, show: (state: RiskState) => void, onDone: (result: RiskResult) => void): RiskResult | undefined {
    this.cancel();
    const gen = this.generation;
    const hit = this.cached(input, trials);
    if (hit) {
      show({ kind: 'done', result: hit });
      return hit;
    }
    let shown = 0;
    this.lastProgress = { done: 0, total: trials };
    show({ kind: 'running', progress: this.lastProgress });
    this.job = runRisk(
      input,
      trials,
      (progress) => {
        if (gen !== this.generation) return;
        this.lastProgress = progress;
        const now = performance.now();
        if (now - shown < PROGRESS_EVERY_MS) return;
        shown = now;
        show({ kind: 'running', progress });
      },
      (result) => {
        if (gen !== this.generation) return;
        this.job = null;
        this.cache.set(key(input, trials), result);
        if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
        onDone(result);
        show({ kind: 'done', result });
      },
    );
    return undefined;
  }
}

const key = (input: SimInput, trials: number) => JSON.stringify([input, trials]);
