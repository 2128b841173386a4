import { DOCS } from './sources';
import type { PolicyObject } from './policyProperty';

/** `upgradePolicy.automaticOSUpgradePolicy` (reference §1.3). */
export const AUTOMATIC_OS_UPGRADE_POLICY: PolicyObject = {
  id: 'automaticOSUpgradePolicy',
  title: 'Automatic OS upgrade policy',
  description: 'Rolls newer OS image versions out to the scale set automatically, in batches with health checks.',
  docs: DOCS.automaticOsUpgrade,
  properties: [
    {
      name: 'enableAutomaticOSUpgrade',
      type: 'boolean',
      default: false,
      since: '2018-10-01',
      description:
        'Apply newer versions of the OS image automatically once they are published. On Windows this turns `enableAutomaticUpdates` off, and it can then not be turned on.',
      docs: DOCS.automaticOsUpgrade,
      sources: ['S1', 'S2', 'S4'],
    },
    {
      name: 'disableAutomaticRollback',
      type: 'boolean',
      default: false,
      since: '2018-10-01',
      description: 'Turn off restoring the previous OS disk of an instance that does not become healthy after its upgrade.',
      docs: DOCS.automaticOsUpgrade,
      sources: ['S1', 'S2', 'S4'],
    },
    {
      name: 'useRollingUpgradePolicy',
      type: 'boolean',
      default: false,
      since: '2022-03-01',
      description:
        "Run automatic OS upgrades with the scale set's `rollingUpgradePolicy` instead of the built-in 20 % defaults; without a rolling policy the defaults still apply.",
      docs: DOCS.automaticOsUpgrade,
      sources: ['S1', 'S2', 'S4'],
    },
    {
      name: 'osRollingUpgradeDeferral',
      type: 'boolean',
      since: '2023-09-01',
      description:
        'Announce each pending OS upgrade to the VM (IMDS tag `Platform.PendingOSUpgrade`) and wait until it is approved with *approveRollingUpgrade*.',
      docs: DOCS.automaticOsUpgrade,
      sources: ['S1', 'S2'],
      unverified: ['The default is not documented.'],
    },
  ],
};

/** Legacy `upgradePolicy.autoOSUpgradePolicy` (API 2017-12-01 to 2018-06-01, reference §1.1). */
export const AUTO_OS_UPGRADE_POLICY: PolicyObject = {
  id: 'autoOSUpgradePolicy',
  title: 'Legacy automatic OS upgrade policy',
  description: 'The 2017-12-01 form of `automaticOSUpgradePolicy`.',
  docs: DOCS.automaticOsUpgrade,
  properties: [
    {
      name: 'disableAutoRollback',
      type: 'boolean',
      since: '2017-12-01',
      removedIn: '2018-10-01',
      replacedBy: ['automaticOSUpgradePolicy', 'disableAutomaticRollback'],
      description: 'Legacy form of `automaticOSUpgradePolicy.disableAutomaticRollback`.',
      docs: DOCS.automaticOsUpgrade,
      sources: ['S2'],
    },
  ],
};
