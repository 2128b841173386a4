import type { ScaleSetModel } from '../../model/types';

/**
 * Many rules ask the same question of the same scale set (is automatic OS upgrade on? which health
 * sources?). The model is immutable, so each answer is computed once per scale set and kept as long as
 * the model lives.
 *
 * All facts of one scale set live in one record (an array, one slot per fact), held in a single
 * WeakMap: one weak entry per scale set rather than one per fact, which the garbage collector has to
 * process separately. The runner asks every rule about one scale set before it moves on, so the record
 * last used answers almost every lookup without touching the WeakMap. Keeping that one record (and its
 * scale set) reachable until another scale set is asked about is the price: a few kilobytes.
 */
const records = new WeakMap<ScaleSetModel, unknown[]>();
let lastScaleSet: ScaleSetModel | undefined;
let lastRecord: unknown[] = [];
let slots = 0;

/** Marks a slot whose computed value is `undefined` (an empty slot reads as undefined too). */
const UNDEFINED = {};

function recordOf(scaleSet: ScaleSetModel): unknown[] {
  if (scaleSet === lastScaleSet) return lastRecord;
  let record = records.get(scaleSet);
  if (!record) {
    record = new Array<unknown>(slots);
    records.set(scaleSet, record);
  }
  lastScaleSet = scaleSet;
  lastRecord = record;
  return record;
}

export function perScaleSet<T>(compute: (scaleSet: ScaleSetModel) => T): (scaleSet: ScaleSetModel) => T {
  const slot = slots++;
  return (scaleSet) => {
    const hit = recordOf(scaleSet)[slot];
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    const value = compute(scaleSet);
    // Looked up again: compute may have asked about another scale set and moved the last record.
    recordOf(scaleSet)[slot] = value === undefined ? UNDEFINED : value;
    return value;
  };
}
