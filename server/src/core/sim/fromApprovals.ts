/**
 * The scale set's waits for approval, read from the model into the simulator's input: lifecycleHooksProfile
 * (API 2025-11-01), automaticOSUpgradePolicy.osRollingUpgradeDeferral (2024-03-01) and
 * virtualMachineProfile.scheduledEventsProfile.osImageNotificationProfile. JSON and Bicep reach here through
 * the same model (arm/readScaleSet.ts), so both give the same waits. The hooks' unverified defaults and
 * maxima (catalog/approvalWaits.ts) are recorded as assumptions naming their source.
 */
import { DEFAULT_HOOK_ACTION, HOOK_WAIT_LIMITS, OS_IMAGE_NOT_BEFORE_SECONDS, lifecycleHookType } from '../catalog/approvalWaits';
import type { LifecycleHookAction, LifecycleHookType } from '../catalog/approvalWaits';
import { humaniseSeconds, parseIsoDuration } from '../catalog/durations';
import type { RValue, ScaleSetModel } from '../model/templateModel';
import { asBoolean, asString, getProp } from '../model/values';
import { hookAssumptionNote, withApprovedAfter } from './approvals';
import { read } from './provenance';
import type { Provenance } from './provenance';
import type { ApprovalInput, ApprovedAfter, LifecycleHookInput } from './simData';

const seconds = (v: RValue) => {
  const parsed = parseIsoDuration(asString(v) ?? '');
  return parsed.ok ? parsed.seconds : undefined;
};
const action = (v: RValue): LifecycleHookAction | undefined => {
  const s = asString(v)?.trim().toLowerCase();
  return s === 'approve' ? 'Approve' : s === 'reject' ? 'Reject' : undefined;
};
const bool = (v: RValue) => asBoolean(v);

/** The waits, or undefined when the template sets none; provenance goes into `provenance`. */
export function approvalsOf(
  model: ScaleSetModel,
  answers: ApprovedAfter,
  provenance: Record<string, Provenance>,
): ApprovalInput | undefined {
  const notes: string[] = [];
  const lifecycleHooks: LifecycleHookInput[] = [];
  const hooks = getProp(model.lifecycleHooksProfile?.value, 'lifecycleHooks')?.value;
  for (const item of hooks?.kind === 'array' ? hooks.items : []) {
    const typeText = asString(getProp(item, 'type')?.value);
    const type = typeText === undefined ? undefined : lifecycleHookType(typeText);
    // An unknown type never fires as far as the simulator knows (lifecycle-hook-settings warns); a second one of a type is ignored too.
    if (!type || lifecycleHooks.some((h) => h.type === type)) continue;
    lifecycleHooks.push(hookOf(type, item, provenance, notes));
  }
  const deferral = read(getProp(model.automaticOSUpgradePolicy?.value, 'osRollingUpgradeDeferral')?.value, bool, false);
  provenance['automaticOSUpgradePolicy.osRollingUpgradeDeferral'] = deferral.provenance;
  const osImage = getProp(model.scheduledEventsProfile?.value, 'osImageNotificationProfile')?.value;
  const osImageOn = read(getProp(osImage, 'enable')?.value, bool, false);
  provenance['osImageNotificationProfile.enable'] = osImageOn.provenance;
  let notBefore = OS_IMAGE_NOT_BEFORE_SECONDS;
  if (osImageOn.value) {
    const timeout = read(getProp(osImage, 'notBeforeTimeout')?.value, seconds, OS_IMAGE_NOT_BEFORE_SECONDS);
    provenance['osImageNotificationProfile.notBeforeTimeout'] = timeout.provenance;
    notBefore = timeout.value;
  }
  if (lifecycleHooks.length === 0 && !deferral.value && !osImageOn.value) return undefined;
  const approvals: ApprovalInput = {
    lifecycleHooks,
    ...(deferral.value ? { deferral: { approvedAfterSeconds: 0 } } : {}),
    ...(osImageOn.value ? { osImageNotification: { notBeforeTimeoutSeconds: notBefore } } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
  return withApprovedAfter(approvals, answers);
}

function hookOf(type: LifecycleHookType, item: RValue, provenance: Record<string, Provenance>, notes: string[]): LifecycleHookInput {
  const limits = HOOK_WAIT_LIMITS[type];
  const key = `lifecycleHooks.${type}`;
  const wait = read(getProp(item, 'waitDuration')?.value, seconds, limits.defaultSeconds, 'assumed');
  const waitAssumed = wait.provenance.assumed === true;
  provenance[`${key}.waitDuration`] = waitAssumed
    ? { ...wait.provenance, note: `${wait.provenance.note ?? 'not set'}: the unverified default of azure-cli issues 33328 and 33652` }
    : wait.provenance;
  if (waitAssumed) notes.push(hookAssumptionNote(type, `waitDuration taken as ${limits.defaultText}, the default`));
  else if (wait.value > limits.maxSeconds)
    notes.push(
      hookAssumptionNote(type, `waitDuration ${humaniseSeconds(wait.value)} is above the ${limits.maxText} maximum; simulated as written`),
    );
  const act = read(getProp(item, 'defaultAction')?.value, action, DEFAULT_HOOK_ACTION, 'assumed');
  provenance[`${key}.defaultAction`] = act.provenance;
  if (act.provenance.assumed) notes.push(hookAssumptionNote(type, `defaultAction taken as ${DEFAULT_HOOK_ACTION}, the default`));
  else if (act.value === 'Reject')
    notes.push(hookAssumptionNote(type, 'defaultAction Reject is said to fail with a server error during the private preview'));
  return { type, waitSeconds: wait.value, defaultAction: act.value };
}
