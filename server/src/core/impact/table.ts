/**
 * What changing a scale-set setting between two deployments does, as data: one row per property path of
 * the project's fact sheet (change-impact.md, 86 paths in classes A–E), in our words, with Azure's error
 * text where it is documented, `unverified` where the fact sheet marks the fact UNVERIFIED, and the source.
 * A path is matched by its longest row (`[]` stands for any item of an array); `variants` refine a row by
 * the direction of the change, `flexible` by the orchestration mode.
 */
import type { ImpactRow } from './impactFacts';
import { RESOURCE_ROWS } from './resourceRows';
import { VM_PROFILE_ROWS } from './vmProfileRows';

export { IMPACT_CLASSES } from './impactFacts';
export type { ChangeDirection, ImpactClass, ImpactFact, ImpactRow } from './impactFacts';

export const IMPACT_TABLE: readonly ImpactRow[] = [...RESOURCE_ROWS, ...VM_PROFILE_ROWS];

/** Rows by lower-cased path, for the longest-match lookup. */
const BY_PATH: ReadonlyMap<string, ImpactRow> = new Map(IMPACT_TABLE.map((r) => [r.path.toLowerCase().replace(/\.$/, ''), r]));

/** The row for a change at `pattern` (lower-cased segments, `[]` for items): its longest prefix in the table. */
export function rowFor(pattern: readonly string[]): ImpactRow | undefined {
  for (let n = pattern.length; n > 0; n--) {
    const found = BY_PATH.get(joinPattern(pattern.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

/** `a.b[].c` from ['a', 'b', '[]', 'c']. */
export function joinPattern(segments: readonly string[]): string {
  return segments.reduce((out, s) => (s === '[]' ? `${out}[]` : out === '' ? s : `${out}.${s}`), '');
}
