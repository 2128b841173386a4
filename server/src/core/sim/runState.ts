/**
 * The mutable state of one run (one Monte Carlo trial), owned by that run only. Instance states are
 * small integers; odd states are unhealthy, so `state & 1` answers "does it count as unhealthy?".
 */
import type { PreparedApprovals } from './approvals';
import type { AssumptionValues } from './assumptions';
import type { BatchPlan } from './batches';
import type { TriggerPlan } from './defaults';
import type { Fleet } from './fleet';
import type { Recorder } from './recorder';
import type { Rng } from './rng';
import type { BatchMember, SimInput } from './simData';

export const OLD_OK = 0;
export const OLD_BAD = 1;
export const NEW_OK = 2;
export const NEW_BAD = 3;
export const RESTORED_OK = 4;
export const RESTORED_BAD = 5;

/** Everything about an input that does not change between trials. */
export interface Prepared {
  readonly input: SimInput;
  readonly plan: TriggerPlan;
  readonly a: AssumptionValues;
  readonly fleet: Fleet;
  readonly groups: BatchPlan;
  readonly baseBatch: number;
  readonly fixedUnhealthyCount: number;
  /** Instances that fail and are never rolled back (input.firstBatchFails: the first batch). */
  readonly stayFailed: Uint8Array | null;
  /** 0…N−1, copied into each trial's liveId. */
  readonly identity: Int32Array;
  /** The manual osRollingUpgrade call is refused (OperationNotAllowed): nothing runs. */
  readonly refused: boolean;
  /** Assumption upgradeTimeout in seconds; undefined when there is no limit. */
  readonly timeoutSeconds: number | undefined;
  /** Waits for approval before the upgrade, before each batch and per instance (approvals.ts). */
  readonly approvals: PreparedApprovals;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface RunState {
  readonly p: Prepared;
  readonly rng: Rng;
  readonly rec: Recorder | null;
  readonly state: Uint8Array;
  readonly fails: Uint8Array;
  /** The id the recorder knows an instance by (its MaxSurge replacement once replaced). */
  readonly liveId: Int32Array;
  /** Batch members by instance position, full runs only (their outcome changes on a breach rollback). */
  readonly members: Map<number, Mutable<BatchMember>>;
  unhealthy: number;
  /** Denominator and numerator of the maxUnhealthyUpgradedInstancePercent check (assumption rolledBackInstances). */
  counted: number;
  countedFailed: number;
  attempted: number;
  failed: number;
  rolledBack: number;
  minServing: number;
  maxTotal: number;
  nextSurgeId: number;
  firstFailed: number;
}

export function setState(s: RunState, i: number, next: number): void {
  s.unhealthy += (next & 1) - (s.state[i]! & 1);
  s.state[i] = next;
}

/** A factor in [1 − j, 1 + j]; draws nothing when jitter is 0 so that runs without jitter use fewer numbers. */
export function jitter(s: RunState): number {
  const j = s.p.input.timings.jitter;
  return j > 0 ? 1 + j * (2 * s.rng.nextFloat() - 1) : 1;
}
