/**
 * Waits for approval (compute-api-2026.md §1.3, §2, §4.4): the UpgradeAutoOSScheduling hook before an
 * automatic OS upgrade starts, the UpgradeAutoOSRollingBatchStarting hook before each batch, and per
 * instance the osRollingUpgradeDeferral approval and the OS image scheduled event. Each wait lasts until the
 * what-if answer, else its timeout (the hook's waitDuration, notBeforeTimeout); a hook whose defaultAction
 * is Reject stops the upgrade when nobody approves in time. docs/simulator.md ("Waits for approval").
 */
import { HOOK_LIMITS_SOURCE } from '../catalog/approvalWaits';
import type { LifecycleHookType } from '../catalog/approvalWaits';
import { humaniseSeconds, parseIsoDuration } from '../catalog/durations';
import type { Recorder } from './recorder';
import type { ApprovalInput, ApprovalWait, ApprovedAfter, LifecycleHookInput, SimInput, Strategy } from './simData';

// Not summary.ts's formatDuration: summary depends on the engine, which depends on this file.
const formatDuration = humaniseSeconds;

/** A what-if answer as typed: an ISO 8601 duration (`PT10M`) or whole seconds; undefined when it is neither. */
export function approvalSeconds(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const parsed = parseIsoDuration(t);
  return parsed.ok ? parsed.seconds : undefined;
}

/** One resolved wait: how long, and how it ends. */
export interface WaitStep {
  readonly kind: ApprovalWait['kind'];
  readonly hook: LifecycleHookType | null;
  readonly seconds: number;
  readonly outcome: ApprovalWait['outcome'];
}

/** The waits of one input, resolved once (they do not change between trials). */
export interface PreparedApprovals {
  /** UpgradeAutoOSScheduling: before the first batch. */
  readonly beforeUpgrade: WaitStep | null;
  /** UpgradeAutoOSRollingBatchStarting: before each batch. */
  readonly beforeBatch: WaitStep | null;
  /** Per instance, in order (deferral, then the OS image scheduled event), before its upgrade starts. */
  readonly perInstance: readonly WaitStep[];
  readonly notes: readonly string[];
}

export const NO_APPROVALS: PreparedApprovals = { beforeUpgrade: null, beforeBatch: null, perInstance: [], notes: [] };

/** A hook's wait: the answer when it comes within waitDuration, else the whole waitDuration and the defaultAction. */
export function hookStep(h: LifecycleHookInput): WaitStep {
  const answered = h.approvedAfterSeconds !== undefined && h.approvedAfterSeconds <= h.waitSeconds;
  const seconds = answered ? Math.max(0, h.approvedAfterSeconds!) : h.waitSeconds;
  const outcome = answered ? 'approved' : h.defaultAction === 'Reject' ? 'rejected' : 'timedOut';
  return { kind: 'lifecycleHook', hook: h.type, seconds, outcome };
}

/** Whether some hook stops the upgrade (defaultAction Reject, nobody approves in time). */
export function rejects(input: SimInput): boolean {
  return (input.approvals?.lifecycleHooks ?? []).some((h) => hookStep(h).outcome === 'rejected');
}

/** The plan's approvals: a hook that would reject is taken as approved when its wait runs out, as cancellation is taken out. */
export function planApprovals(approvals: ApprovalInput | undefined): ApprovalInput | undefined {
  if (!approvals) return undefined;
  return {
    ...approvals,
    lifecycleHooks: approvals.lifecycleHooks.map((h) => (hookStep(h).outcome === 'rejected' ? { ...h, defaultAction: 'Approve' } : h)),
  };
}

/** The what-if answers over the template's waits (CLI --approved-after, the preview's fields). */
export function withApprovedAfter(approvals: ApprovalInput | undefined, answers: ApprovedAfter): ApprovalInput | undefined {
  if (!approvals) return undefined;
  const pick = (key: keyof ApprovedAfter, current: number | undefined) => {
    const v = answers[key] ?? current;
    return v === undefined || !Number.isFinite(v) ? undefined : Math.max(0, v);
  };
  const hooks = approvals.lifecycleHooks.map((h) => {
    const v = pick(h.type, h.approvedAfterSeconds);
    const { approvedAfterSeconds: _old, ...rest } = h;
    return v === undefined ? rest : { ...rest, approvedAfterSeconds: v };
  });
  const osImage = approvals.osImageNotification;
  const osAnswer = osImage ? pick('osImageNotification', osImage.approvedAfterSeconds) : undefined;
  return {
    lifecycleHooks: hooks,
    ...(approvals.notes ? { notes: approvals.notes } : {}),
    ...(approvals.deferral ? { deferral: { approvedAfterSeconds: pick('deferral', approvals.deferral.approvedAfterSeconds) ?? 0 } } : {}),
    ...(osImage
      ? {
          osImageNotification: {
            notBeforeTimeoutSeconds: osImage.notBeforeTimeoutSeconds,
            ...(osAnswer !== undefined ? { approvedAfterSeconds: osAnswer } : {}),
          },
        }
      : {}),
  };
}

/**
 * Which waits hold this run: lifecycle hooks and deferral gate automatic OS upgrades only; the OS image
 * scheduled event comes before every OS image upgrade (automatic or the osRollingUpgrade call). A model
 * update is not counted as one (it reimages only when the image changes, which the simulator does not know).
 */
export function prepareApprovals(input: SimInput, strategy: Strategy): PreparedApprovals {
  const a = input.approvals;
  if (!a || strategy === 'manual') return NO_APPROVALS;
  const notes: string[] = [...(a.notes ?? [])];
  const aos = input.trigger === 'aos';
  let beforeUpgrade: WaitStep | null = null;
  let beforeBatch: WaitStep | null = null;
  for (const h of a.lifecycleHooks) {
    if (!aos) continue;
    const step = hookStep(h);
    if (h.type === 'UpgradeAutoOSScheduling' && !beforeUpgrade) beforeUpgrade = step;
    else if (h.type === 'UpgradeAutoOSRollingBatchStarting' && !beforeBatch) beforeBatch = step;
    else continue;
    notes.push(hookNote(h, step));
  }
  if (!aos && a.lifecycleHooks.length > 0)
    notes.push('Lifecycle hooks hold automatic OS upgrades only: this upgrade does not wait for them.');
  const perInstance: WaitStep[] = [];
  if (a.deferral) {
    if (aos) {
      const seconds = Math.max(0, a.deferral.approvedAfterSeconds);
      perInstance.push({ kind: 'deferral', hook: null, seconds, outcome: 'approved' });
      notes.push(
        `osRollingUpgradeDeferral: each instance's upgrade waits for approveRollingUpgrade, here approved after ${formatDuration(seconds)} (what-if); without an approval it never starts.`,
      );
    } else notes.push('osRollingUpgradeDeferral defers automatic OS upgrades only: this upgrade does not wait for approval.');
  }
  const os = a.osImageNotification;
  if (os) {
    if (input.trigger !== 'model') {
      const answered = os.approvedAfterSeconds !== undefined && os.approvedAfterSeconds <= os.notBeforeTimeoutSeconds;
      const seconds = answered ? Math.max(0, os.approvedAfterSeconds!) : os.notBeforeTimeoutSeconds;
      perInstance.push({ kind: 'osImageNotification', hook: null, seconds, outcome: answered ? 'approved' : 'timedOut' });
      notes.push(
        answered
          ? `OS image scheduled events: each instance's OS upgrade waits for its event, approved after ${formatDuration(seconds)} (what-if).`
          : `OS image scheduled events: each instance's OS upgrade waits the full notBeforeTimeout (${formatDuration(seconds)}) before the event approves itself.`,
      );
    } else
      notes.push(
        'OS image scheduled events are not waited for in a model update (assumed: it reimages only when the image changes, which is not known here).',
      );
  }
  if (perInstance.length === 2)
    notes.push(
      'Each instance waits for its deferral approval, then for its OS image scheduled event (assumed: the order is not documented).',
    );
  return { beforeUpgrade, beforeBatch, perInstance, notes };
}

function hookNote(h: LifecycleHookInput, step: WaitStep): string {
  const where = h.type === 'UpgradeAutoOSScheduling' ? 'the upgrade waits' : 'each batch waits';
  const how =
    step.outcome === 'approved'
      ? `approved after ${formatDuration(step.seconds)} (what-if)`
      : `nobody answers, so after ${formatDuration(step.seconds)} its defaultAction ${h.defaultAction} ${step.outcome === 'rejected' ? 'stops the upgrade' : 'lets it go on'}`;
  return `Lifecycle hook ${h.type}: ${where} for approval, ${how}.`;
}

/** Unverified defaults and maxima, said where they are used (fromScaleSet adds these to the notes). */
export function hookAssumptionNote(type: LifecycleHookType, what: string): string {
  return `Lifecycle hook ${type}: ${what} (${HOOK_LIMITS_SOURCE}; unverified).`;
}

/** Records one wait on the recorder and the run's list; returns when it ends. */
export function recordWait(
  rec: Recorder | null,
  waits: ApprovalWait[] | null,
  step: WaitStep,
  batch: number | null,
  instances: readonly number[],
  t: number,
): number {
  const end = t + step.seconds;
  const what = step.hook ?? (step.kind === 'deferral' ? 'approveRollingUpgrade (deferral)' : 'OS image scheduled event');
  if (rec) {
    rec.push(t, 'approvalWait', batch, null, null, `waiting for ${what}`);
    const how =
      step.outcome === 'approved'
        ? 'approved'
        : step.outcome === 'rejected'
          ? 'rejected (defaultAction Reject)'
          : 'timed out, approved by default';
    rec.push(end, step.outcome === 'rejected' ? 'rejected' : 'approved', batch, null, null, `${what} ${how}`);
  }
  // A plan keeps the waits without a trace (engine.ts: the 'plan' log).
  waits?.push({
    kind: step.kind,
    hook: step.hook,
    batch,
    instances: [...instances],
    startSeconds: t,
    endSeconds: end,
    outcome: step.outcome,
  });
  return end;
}
