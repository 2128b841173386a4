import { DOCS } from './sources';
import type { PolicyObject } from './policyProperty';

/** `properties.upgradePolicy` (reference §1.1). */
export const UPGRADE_POLICY: PolicyObject = {
  id: 'upgradePolicy',
  title: 'Upgrade policy',
  description:
    'How instances are brought to the latest scale-set model: by you (`Manual`), all at once (`Automatic`) or in batches (`Rolling`); also holds the rolling and automatic OS upgrade settings.',
  docs: DOCS.upgradePolicy,
  properties: [
    {
      name: 'mode',
      type: 'enum',
      enumValues: ['Automatic', 'Manual', 'Rolling'],
      enumValueSince: { Rolling: '2017-03-30' },
      default: 'Manual',
      since: '2015-06-15',
      description: [
        'How model changes reach existing instances.',
        '- `Manual` (default): nothing happens until you upgrade instances yourself (for example with *manualUpgrade*).',
        '- `Automatic`: every instance may be updated at the same time, so expect downtime.',
        '- `Rolling`: instances are updated in batches, with health checks between them (needs a health probe or the Application Health extension).',
      ].join('\n'),
      docs: DOCS.upgradePolicy,
      sources: ['S1', 'S2', 'S7', 'S12'],
    },
    {
      name: 'rollingUpgradePolicy',
      type: 'object',
      object: 'rollingUpgradePolicy',
      since: '2017-03-30',
      description:
        'Batch size, health thresholds and pauses used when instances are upgraded in batches (rolling mode, and automatic OS upgrades that opt in with `useRollingUpgradePolicy`).',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S5'],
    },
    {
      name: 'automaticOSUpgradePolicy',
      type: 'object',
      object: 'automaticOSUpgradePolicy',
      since: '2018-10-01',
      description: 'Settings for rolling out newer OS image versions to the scale set automatically.',
      docs: DOCS.automaticOsUpgrade,
      sources: ['S1', 'S2', 'S4'],
    },
    {
      name: 'automaticOSUpgrade',
      type: 'boolean',
      since: '2017-03-30',
      removedIn: '2018-10-01',
      replacedBy: ['automaticOSUpgradePolicy', 'enableAutomaticOSUpgrade'],
      description:
        'Legacy switch for automatic OS image upgrades (API 2017-03-30 to 2018-06-01). Use `automaticOSUpgradePolicy.enableAutomaticOSUpgrade` instead.',
      docs: DOCS.automaticOsUpgrade,
      sources: ['S2'],
    },
    {
      name: 'autoOSUpgradePolicy',
      type: 'object',
      object: 'autoOSUpgradePolicy',
      since: '2017-12-01',
      removedIn: '2018-10-01',
      replacedBy: ['automaticOSUpgradePolicy'],
      description: 'Legacy predecessor of `automaticOSUpgradePolicy` (API 2017-12-01 to 2018-06-01).',
      docs: DOCS.automaticOsUpgrade,
      sources: ['S2'],
    },
  ],
};
