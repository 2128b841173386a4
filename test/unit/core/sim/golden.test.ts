// Golden traces: fixed inputs and seeds whose full output (run, Azure shapes, 200-trial Monte Carlo) must not
// change unless the model changes on purpose. Regenerate with:
//   UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/unit/core/sim/golden.test.ts
// and review the diff of test/fixtures/sim/*.json before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { osUpgradeHistory, rollingUpgradeStatus } from '../../../../server/src/core/sim/azureShapes';
import { monteCarlo } from '../../../../server/src/core/sim/monteCarlo';
import { simulate } from '../../../../server/src/core/sim/simulate';
import type { SimInput } from '../../../../server/src/core/sim/simData';
import { input } from './helpers';

const DIR = join(import.meta.dirname, '../../../fixtures/sim');

const CASES: Record<string, SimInput> = {
  'aos-failures-jitter': input({
    trigger: 'aos',
    seed: 7,
    fleet: { capacity: 10 },
    failures: { probability: 0.2 },
    timings: { jitter: 0.2 },
    targetImageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
    location: 'westeurope',
  }),
  'zonal-surge-phases': input({
    seed: 42,
    fleet: {
      capacity: 9,
      zones: ['1', '2', '3'],
      overrides: [
        { id: 4, phaseOrderingNumber: 0 },
        { id: 7, protectedFromScaleSetActions: true },
      ],
    },
    rollingUpgradePolicy: { maxBatchInstancePercent: 34, maxSurge: true, pauseTimeBetweenBatchesSeconds: 60 },
    failures: { probability: 0.1 },
  }),
  'manual-os-halt-breach-rollback': input({
    trigger: 'manual-os',
    seed: 99,
    fleet: { capacity: 20, unhealthy: 2 },
    automaticOSUpgradePolicy: { useRollingUpgradePolicy: true },
    rollingUpgradePolicy: {
      maxBatchInstancePercent: 25,
      maxUnhealthyUpgradedInstancePercent: 10,
      rollbackFailedInstancesOnPolicyBreach: true,
      prioritizeUnhealthyInstances: true,
    },
    failures: { failingInstances: [3, 11] },
  }),
  // An instance fails, the post-batch check lets the rollout go on: RollingUpgradeInProgressWithFailedUpgradedVMs.
  'aos-continue-with-failures': input({
    trigger: 'aos',
    seed: 5,
    fleet: { capacity: 20 },
    automaticOSUpgradePolicy: { useRollingUpgradePolicy: true },
    rollingUpgradePolicy: { maxUnhealthyUpgradedInstancePercent: 30 },
    failures: { failingInstances: [1] },
    targetImageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
    targetVersion: '22.04.202612010',
  }),
  'aos-approval-waits': input({
    trigger: 'aos',
    seed: 5,
    fleet: { capacity: 6, zones: ['1', '2'] },
    approvals: {
      lifecycleHooks: [
        { type: 'UpgradeAutoOSScheduling', waitSeconds: 3600, defaultAction: 'Approve', approvedAfterSeconds: 600 },
        { type: 'UpgradeAutoOSRollingBatchStarting', waitSeconds: 1800, defaultAction: 'Approve' },
      ],
      osImageNotification: { notBeforeTimeoutSeconds: 900 },
    },
    failures: { probability: 0.1 },
  }),
};

for (const [name, sim] of Object.entries(CASES)) {
  test(`golden trace: ${name}`, () => {
    const run = simulate(sim);
    const actual = JSON.parse(
      JSON.stringify({
        input: sim,
        run,
        rollingUpgradesLatest: rollingUpgradeStatus(run, sim),
        osUpgradeHistory: osUpgradeHistory(run, sim),
        monteCarlo: monteCarlo(sim, 200),
      }),
    );
    const file = join(DIR, `${name}.json`);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    assert.ok(existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1 to create it`);
    assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
  });
}
