import { DOCS } from './sources';
import type { PolicyObject } from './policyProperty';

/** `upgradePolicy.rollingUpgradePolicy` (reference §1.2). */
export const ROLLING_UPGRADE_POLICY: PolicyObject = {
  id: 'rollingUpgradePolicy',
  title: 'Rolling upgrade policy',
  description: 'Controls how instances are upgraded in batches and when a rolling upgrade stops because too many instances are unhealthy.',
  docs: DOCS.rollingUpgrades,
  properties: [
    {
      name: 'maxBatchInstancePercent',
      type: 'integer',
      minimum: 5,
      maximum: 100,
      default: 20,
      since: '2017-03-30',
      description:
        'Largest share of **all** instances upgraded in one batch, in percent. For example, 20 % of 10 instances is 2. A batch also stays within one zone and update domain, and unhealthy instances can make it smaller: the hover on the value shows the batches of this scale set.',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S5'],
    },
    {
      name: 'maxUnhealthyInstancePercent',
      type: 'integer',
      minimum: 5,
      maximum: 100,
      default: 20,
      since: '2017-03-30',
      description:
        'Largest share of **all** instances that may be unhealthy at once (upgrading or failing health checks), in percent. Checked before every batch; above it the upgrade stops.',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S5'],
    },
    {
      name: 'maxUnhealthyUpgradedInstancePercent',
      type: 'integer',
      minimum: 0,
      maximum: 100,
      default: 20,
      since: '2017-03-30',
      description:
        'Largest share of **upgraded** instances that may turn out unhealthy, in percent. Checked after each batch; above it the upgrade stops.',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S5', 'S16'],
      unverified: [
        'The minimum of 0 is in the ARM schemas up to 2024-07-01 and in the Batch schema, but not in the newest Compute spec.',
        'The docs compute the percentage over all instances, the spec over upgraded instances.',
      ],
    },
    {
      name: 'pauseTimeBetweenBatches',
      type: 'duration',
      default: 'PT0S',
      since: '2017-03-30',
      description: 'How long to wait after a batch finishes before starting the next one, as an ISO 8601 duration such as `PT5M`.',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S14'],
      unverified: ['No source documents an upper bound.'],
    },
    {
      name: 'enableCrossZoneUpgrade',
      type: 'boolean',
      since: '2020-12-01',
      description:
        'Build batches across availability-zone boundaries, as if the scale set were regional; update domains and `maxBatchInstancePercent` still decide the batch size.',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S5'],
      unverified: ['The default is not documented.'],
    },
    {
      name: 'prioritizeUnhealthyInstances',
      type: 'boolean',
      since: '2020-12-01',
      description: 'Upgrade unhealthy instances before healthy ones.',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S5'],
      unverified: ['The default is not documented (responses show false).'],
    },
    {
      name: 'rollbackFailedInstancesOnPolicyBreach',
      type: 'boolean',
      default: false,
      since: '2022-11-01',
      description:
        'When the rolling policy is breached, return the instances that failed to the previous model. Uniform orchestration only.',
      docs: DOCS.rollingUpgrades,
      sources: ['S1', 'S2', 'S5'],
      unverified: ['The default false is taken from example responses.'],
    },
    {
      name: 'maxSurge',
      type: 'boolean',
      default: false,
      since: '2022-11-01',
      description:
        'Upgrade by creating new instances on the new model for each batch and deleting the old ones once the new ones are healthy, so capacity never drops. Needs spare quota, IP addresses and subnet space.',
      docs: DOCS.maxSurge,
      sources: ['S1', 'S2', 'S6'],
      unverified: ['The default false is taken from example responses; the feature started behind a preview flag.'],
    },
  ],
};
