import type { ScaleSetModel } from '../../model/templateModel';

/**
 * Many rules ask the same question of the same scale set (is automatic OS upgrade on? which health
 * sources?). The model is immutable, so each answer is computed once per run and kept while the scale set
 * is being checked: the runner makes one FactMemo per run and hands it to every rule (ctx.facts), which
 * passes it to the facts it asks. Nothing is kept between runs, in the engine or anywhere else.
 *
 * All facts of one scale set live in one record (an array, one slot per fact). The runner asks every rule
 * about one scale set before it moves on to the next, so the records of the last few scale sets asked
 * about are kept, in a small ring, and nothing else: an answer asked for again later is computed again,
 * which gives the same answer. A WeakMap keyed by scale set would keep them for the model's lifetime, but
 * every entry added to it makes each young-generation garbage collection slower; with one entry per scale
 * set that cost more than all the rules together.
 */
export class FactMemo {
  private static readonly RING = 4;
  private readonly keys: (ScaleSetModel | undefined)[] = new Array<ScaleSetModel | undefined>(FactMemo.RING).fill(undefined);
  private readonly records: unknown[][] = Array.from({ length: FactMemo.RING }, () => []);
  private newest = 0;
  /** Answers that are pure functions of a key, shared by the scale sets of this run (bounded: emptied when full). */
  private readonly keyed = new Map<string, unknown>();

  /** Answers about one object of the model (a template's list of load balancers), kept for this run only. */
  private readonly byObjectAnswers = new WeakMap<object, unknown>();

  /** The answer for `key`, computed once per run; for facts about one part of the model that every scale set asks. */
  byObject<T>(key: object, compute: () => T): T {
    if (this.byObjectAnswers.has(key)) return this.byObjectAnswers.get(key) as T;
    const value = compute();
    this.byObjectAnswers.set(key, value);
    return value;
  }

  /** The answer for `key`, computed once per run (see `keyed`); for facts several scale sets share. */
  byKey<T>(key: string, compute: () => T): T {
    if (this.keyed.has(key)) return this.keyed.get(key) as T;
    const value = compute();
    if (this.keyed.size >= MAX_KEYED) this.keyed.clear();
    this.keyed.set(key, value);
    return value;
  }

  /** The record of a scale set's facts (slots by fact), taking the next place in the ring when it has none. */
  recordOf(scaleSet: ScaleSetModel): unknown[] {
    if (this.keys[this.newest] === scaleSet) return this.records[this.newest]!;
    for (let i = 0; i < FactMemo.RING; i++) {
      if (this.keys[i] === scaleSet) {
        this.newest = i;
        return this.records[i]!;
      }
    }
    this.newest = (this.newest + 1) % FactMemo.RING;
    this.keys[this.newest] = scaleSet;
    const record: unknown[] = [];
    this.records[this.newest] = record;
    return record;
  }
}

/** Keyed answers kept per run at most (a template with many alike scale sets needs a few). */
const MAX_KEYED = 512;

/** Marks a slot whose computed value is `undefined` (an empty slot reads as undefined too). */
const UNDEFINED = Object.freeze({});

// The slot counter: advanced only while the fact modules load (each `perScaleSet` call at module level).
const nextSlot = { value: 0 };

/** A fact about one scale set, computed once per run (per FactMemo). */
export type Fact<T> = (scaleSet: ScaleSetModel, facts: FactMemo) => T;

/**
 * Defines a memoised fact. Its slot in every record is its place in the order facts are defined: fixed
 * when the module loads, the same in every run (a counter read only while modules load, never after).
 */
export function perScaleSet<T>(compute: Fact<T>): Fact<T> {
  const slot = nextSlot.value++;
  return (scaleSet, facts) => {
    const hit = facts.recordOf(scaleSet)[slot];
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    const value = compute(scaleSet, facts);
    // Looked up again: compute may have asked about other scale sets and moved the ring on.
    facts.recordOf(scaleSet)[slot] = value === undefined ? UNDEFINED : value;
    return value;
  };
}
