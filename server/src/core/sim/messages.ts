/**
 * Azure's halt messages (azure-upgrade-policy.md §3.7), with the numbers of this run filled in. The
 * texts are copied as Azure writes them, including the double spaces and the ".." of the originals.
 */
import type { HaltCode } from './simData';

export const INSTANCE_UNHEALTHY = 'Instance found to be unhealthy or unreachable.';

/** A percentage as Azure prints it (an integer), with one decimal when rounding would hide a breach. */
export function formatPercent(count: number, denominator: number, threshold: number): string {
  if (denominator <= 0) return '0';
  const exact = (100 * count) / denominator;
  const rounded = Math.round(exact);
  if (rounded === exact || rounded > threshold === exact > threshold) return String(rounded);
  return exact.toFixed(1);
}

/**
 * Azure's text for the osRollingUpgrade call on a scale set with no unprotected instance on image version
 * latest (HTTP 409, azure-upgrade-policy.md §3.3 #16, from the Service Fabric troubleshooting guides).
 */
export const OS_ROLLING_UPGRADE_NOT_ALLOWED =
  'The OS Rolling Upgrade API cannot be used on a Virtual Machine Scale Set unless the Virtual Machine Scale Set has some unprotected instances which have imageReference.version set to latest.';

/**
 * RollingUpgradeTimeoutError: Azure documents the code ("the message gives the duration") but neither its
 * text nor the limit, so this is our sentence, not Azure's, and the limit is assumption upgradeTimeout.
 */
export function timeoutMessage(limit: string): string {
  return `The rolling upgrade timed out after ${limit} (the time limit is assumption upgradeTimeout: Azure documents neither the limit nor this message's text).`;
}

/**
 * RollingUpgradeInProgressWithFailedUpgradedVMs: some upgraded instances failed, and the post-batch check let
 * the rollout go on. Azure documents that the message says whether the rollout continues; its text is not
 * published, so this sentence is ours.
 */
export function inProgressWithFailuresMessage(failed: number, of: number, percent: string, threshold: number): string {
  return `${failed} of ${of} upgraded instance${of === 1 ? '' : 's'} failed (${percent}%, not more than maxUnhealthyUpgradedInstancePercent ${threshold}%): the rolling upgrade goes on.`;
}

export const IN_PROGRESS_WITH_FAILURES = 'RollingUpgradeInProgressWithFailedUpgradedVMs';

export function haltMessage(
  code: Exclude<HaltCode, 'RollingUpgradeTimeoutError' | 'OperationNotAllowed'>,
  percent: string,
  threshold: number,
  firstFailedInstanceId: number | null,
): string {
  switch (code) {
    case 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade':
      return `Rolling Upgrade failed due to exceeding the MaxUnhealthyInstancePercent value (defined in the RollingUpgradePolicy) before any batch was attempted. ${percent}% of instances are in an unhealthy state, more than the threshold of ${threshold}% configured in the RollingUpgradePolicy. The most impactful error is:  ${INSTANCE_UNHEALTHY} For details on rolling upgrades, use http://aka.ms/AzureVMSSRollingUpgrade`;
    case 'MaxUnhealthyInstancePercentExceededInRollingUpgrade':
      return `Rolling Upgrade failed after exceeding the MaxUnhealthyInstancePercent value defined in the RollingUpgradePolicy. ${percent}% of instances are in an unhealthy state - more than the threshold of ${threshold}%. To apply upgrades, consider increasing the MaxUnhealthyInstancePercent value.`;
    case 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade':
      return `Rolling Upgrade failed after exceeding the MaxUnhealthyUpgradedInstancePercent value defined in the RollingUpgradePolicy. ${percent}% of instances are in an unhealthy state after being upgraded - more than the threshold of ${threshold}%. The most impactful error is: ${INSTANCE_UNHEALTHY}. First failed instance ID is: ${firstFailedInstanceId ?? 0}.`;
  }
}
