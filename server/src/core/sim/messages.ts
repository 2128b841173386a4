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

export function haltMessage(code: HaltCode, percent: string, threshold: number, firstFailedInstanceId: number | null): string {
  switch (code) {
    case 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade':
      return `Rolling Upgrade failed due to exceeding the MaxUnhealthyInstancePercent value (defined in the RollingUpgradePolicy) before any batch was attempted. ${percent}% of instances are in an unhealthy state, more than the threshold of ${threshold}% configured in the RollingUpgradePolicy. The most impactful error is:  ${INSTANCE_UNHEALTHY} For details on rolling upgrades, use http://aka.ms/AzureVMSSRollingUpgrade`;
    case 'MaxUnhealthyInstancePercentExceededInRollingUpgrade':
      return `Rolling Upgrade failed after exceeding the MaxUnhealthyInstancePercent value defined in the RollingUpgradePolicy. ${percent}% of instances are in an unhealthy state - more than the threshold of ${threshold}%. To apply upgrades, consider increasing the MaxUnhealthyInstancePercent value.`;
    case 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade':
      return `Rolling Upgrade failed after exceeding the MaxUnhealthyUpgradedInstancePercent value defined in the RollingUpgradePolicy. ${percent}% of instances are in an unhealthy state after being upgraded - more than the threshold of ${threshold}%. The most impactful error is: ${INSTANCE_UNHEALTHY}. First failed instance ID is: ${firstFailedInstanceId ?? 0}.`;
  }
}
