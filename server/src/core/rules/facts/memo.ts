import type { ScaleSetModel } from '../../model/types';

/**
 * Many rules ask the same question of the same scale set (is automatic OS upgrade on? which health
 * sources?). The model is immutable, so each answer is computed once per scale set and kept as long as
 * the model lives.
 */
export function perScaleSet<T>(compute: (scaleSet: ScaleSetModel) => T): (scaleSet: ScaleSetModel) => T {
  const cache = new WeakMap<ScaleSetModel, { value: T }>();
  return (scaleSet) => {
    const hit = cache.get(scaleSet);
    if (hit) return hit.value;
    const value = compute(scaleSet);
    cache.set(scaleSet, { value });
    return value;
  };
}
