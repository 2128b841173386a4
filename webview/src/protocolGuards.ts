/**
 * Runtime shape checks for protocol.ts: the primitives every message check uses, and the advisor's
 * messages (goals, what-if, policies, the advice the webview draws point by point).
 */
import { ADVISOR_WHAT_IF_NUMBERS } from '../../server/src/core/advisor';
import type { AdvisorGoals, AdvisorPolicy, AdvisorResult, AdvisorWhatIfInput, Candidate } from '../../server/src/core/advisor';

export type Obj = Readonly<Record<string, unknown>>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
export const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => isStr(v) && (values as readonly string[]).includes(v);

const GOAL_KEYS = ['maxHalt', 'maxBadImageTouched', 'minServing', 'maxDurationSeconds'] as const;
export const isGoals = (v: unknown): v is AdvisorGoals =>
  isObj(v) && Object.entries(v).every(([k, x]) => (GOAL_KEYS as readonly string[]).includes(k) && (x === undefined || isNum(x)));

export const isAdvisorWhatIf = (v: unknown): v is AdvisorWhatIfInput =>
  isObj(v) &&
  Object.entries(v).every(([k, x]) =>
    k === 'trigger'
      ? oneOf(x, ['aos', 'manual-os', 'model'] as const)
      : k === 'assumptions'
        ? isObj(x) && Object.values(x).every(isStr)
        : (ADVISOR_WHAT_IF_NUMBERS as readonly string[]).includes(k) && isNum(x),
  );

const isPercent = (v: unknown) => isNum(v) && v >= 0 && v <= 100;
export const isPolicy = (v: unknown): v is AdvisorPolicy =>
  isObj(v) &&
  isPercent(v.maxBatchInstancePercent) &&
  isPercent(v.maxUnhealthyInstancePercent) &&
  isPercent(v.maxUnhealthyUpgradedInstancePercent) &&
  isStr(v.pauseTimeBetweenBatches) &&
  (v.maxSurge === undefined || isBool(v.maxSurge)) &&
  (v.prioritizeUnhealthyInstances === undefined || isBool(v.prioritizeUnhealthyInstances));

const isCandidate = (v: unknown): v is Candidate =>
  isObj(v) &&
  isPolicy(v.policy) &&
  ['pHalt', 'durationP50Seconds', 'durationP90Seconds', 'minServing', 'badImageTouched'].every((k) => isNum(v[k])) &&
  isStr(v.pHaltMethod) &&
  isStr(v.batches);

/** The advice as the engine returns it: every candidate checked, since the webview draws each one. */
export function isAdvisorResult(v: unknown): v is AdvisorResult {
  if (!isObj(v)) return false;
  if (v.kind === 'invalidInput' || v.kind === 'nothingToTune') return isStr(v.message);
  return (
    v.kind === 'advice' &&
    isStr(v.scaleSet) &&
    isNum(v.capacity) &&
    isObj(v.goals) &&
    isCandidate(v.current) &&
    isCandidate(v.recommended) &&
    Array.isArray(v.front) &&
    v.front.every(isCandidate) &&
    Array.isArray(v.evaluated) &&
    v.evaluated.every(isCandidate) &&
    Array.isArray(v.missedGoals) &&
    v.missedGoals.every(isStr) &&
    Array.isArray(v.defaulted) &&
    v.defaulted.every(isStr) &&
    Array.isArray(v.notes) &&
    v.notes.every(isStr) &&
    isBool(v.keepCurrent) &&
    isBool(v.currentDominated) &&
    isBool(v.setsUseRollingUpgradePolicy) &&
    isBool(v.candidatesUseRollingUpgradePolicy) &&
    isNum(v.trials)
  );
}
