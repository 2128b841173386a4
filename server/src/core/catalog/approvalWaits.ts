/**
 * The waits for approval an automatic OS upgrade can make (compute-api-2026.md §1.3, §2, §4.4): lifecycle
 * hooks, deferral and OS image scheduled events. The spec gives the hook types but no waitDuration default
 * or maximum; the numbers here come from azure-cli issues 33328 and 33652 and are UNVERIFIED, which every
 * use of them says.
 */

export const LIFECYCLE_HOOK_TYPES = ['UpgradeAutoOSScheduling', 'UpgradeAutoOSRollingBatchStarting'] as const;
export type LifecycleHookType = (typeof LIFECYCLE_HOOK_TYPES)[number];
export type LifecycleHookAction = 'Approve' | 'Reject';

export interface HookWaitLimits {
  readonly defaultSeconds: number;
  readonly defaultText: string;
  readonly maxSeconds: number;
  readonly maxText: string;
}

/** waitDuration when the hook does not set one, and its maximum, per hook type (UNVERIFIED). */
export const HOOK_WAIT_LIMITS: Readonly<Record<LifecycleHookType, HookWaitLimits>> = {
  UpgradeAutoOSScheduling: { defaultSeconds: 3600, defaultText: '1 hour', maxSeconds: 2 * 86400, maxText: '2 days' },
  UpgradeAutoOSRollingBatchStarting: { defaultSeconds: 1800, defaultText: '30 minutes', maxSeconds: 4 * 3600, maxText: '4 hours' },
};

/** defaultAction when the hook does not set one (UNVERIFIED, same source). */
export const DEFAULT_HOOK_ACTION: LifecycleHookAction = 'Approve';

/** Where the unverified hook numbers come from, as users read it. */
export const HOOK_LIMITS_SOURCE = 'azure-cli issues 33328 and 33652';

/** osImageNotificationProfile.notBeforeTimeout: the spec says it must be PT15M. */
export const OS_IMAGE_NOT_BEFORE_SECONDS = 900;

export function lifecycleHookType(text: string): LifecycleHookType | undefined {
  const lower = text.trim().toLowerCase();
  return LIFECYCLE_HOOK_TYPES.find((t) => t.toLowerCase() === lower);
}
