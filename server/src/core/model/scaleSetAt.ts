import type { ScaleSetModel } from './templateModel';

/** The innermost scale set whose resource (or body) span holds the offset. */
export function scaleSetAt(scaleSets: readonly ScaleSetModel[], offset: number): ScaleSetModel | undefined {
  let best: ScaleSetModel | undefined;
  for (const scaleSet of scaleSets) {
    const { offset: start, length } = scaleSet.span;
    if (offset < start || offset > start + length) continue;
    if (!best || length < best.span.length) best = scaleSet;
  }
  return best;
}

/** The scale set at a JSON path (the preview's identity of a scale set across edits). */
export function scaleSetAtPath(scaleSets: readonly ScaleSetModel[], path: readonly (string | number)[]): ScaleSetModel | undefined {
  return scaleSets.find((s) => s.path.length === path.length && s.path.every((x, i) => x === path[i]));
}
