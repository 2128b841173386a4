import { isApiVersionAtLeast } from './apiVersions';

/**
 * `RollingUpgradeStatusCode` (GET …/rollingUpgrades/latest) and `UpgradeState` (…/osUpgradeHistory): closed
 * enums with the API version that added each value (compute-api-2026.md §6; `RollingBack` in the 2026-04-01
 * swagger, absent from 2026-03-01).
 */
export const ROLLING_UPGRADE_STATUS_CODES: readonly { readonly code: string; readonly since: string }[] = [
  { code: 'RollingForward', since: '2017-03-30' },
  { code: 'Cancelled', since: '2017-03-30' },
  { code: 'Completed', since: '2017-03-30' },
  { code: 'Faulted', since: '2017-03-30' },
  { code: 'RollingBack', since: '2026-04-01' },
];

/** The status codes an API version can report; an unreadable version gets all of them. */
export function rollingUpgradeStatusCodes(apiVersion: string | undefined): readonly string[] {
  return ROLLING_UPGRADE_STATUS_CODES.filter((c) => apiVersion === undefined || isApiVersionAtLeast(apiVersion, c.since) !== false).map(
    (c) => c.code,
  );
}
