import type { ScaleSetModel } from '../../model/templateModel';

/**
 * Many rules ask the same question of the same scale set (is automatic OS upgrade on? which health
 * sources?). The model is immutable, so each answer is computed once and kept while the scale set is
 * being checked.
 *
 * All facts of one scale set live in one record (an array, one slot per fact). The runner asks every rule
 * about one scale set before it moves on to the next, so the records of the last few scale sets asked
 * about are kept, in a small ring, and nothing else: an answer asked for again later (another run on the
 * same model) is computed again, which gives the same answer. A WeakMap keyed by scale set would keep
 * them for the model's lifetime, but every entry added to it makes each young-generation garbage
 * collection slower; with one entry per scale set that cost more than all the rules together.
 * Keeping the ring's few scale sets (and their facts) reachable is the price: a few kilobytes.
 */
const RING = 4;
const ringKeys: (ScaleSetModel | undefined)[] = new Array<ScaleSetModel | undefined>(RING).fill(undefined);
const ringRecords: unknown[][] = Array.from({ length: RING }, () => []);
let newest = 0;
let slots = 0;

/** Marks a slot whose computed value is `undefined` (an empty slot reads as undefined too). */
const UNDEFINED = {};

function recordOf(scaleSet: ScaleSetModel): unknown[] {
  if (ringKeys[newest] === scaleSet) return ringRecords[newest]!;
  for (let i = 0; i < RING; i++) {
    if (ringKeys[i] === scaleSet) {
      newest = i;
      return ringRecords[i]!;
    }
  }
  // Takes the next place in the ring, round robin.
  newest = (newest + 1) % RING;
  ringKeys[newest] = scaleSet;
  const record = new Array<unknown>(slots);
  ringRecords[newest] = record;
  return record;
}

export function perScaleSet<T>(compute: (scaleSet: ScaleSetModel) => T): (scaleSet: ScaleSetModel) => T {
  const slot = slots++;
  return (scaleSet) => {
    const hit = recordOf(scaleSet)[slot];
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    const value = compute(scaleSet);
    // Looked up again: compute may have asked about other scale sets and moved the ring on.
    recordOf(scaleSet)[slot] = value === undefined ? UNDEFINED : value;
    return value;
  };
}
