// Where each value of the applied policy comes from, so no surface names a default as the template's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { policySources } from '../../../../server/src/core/sim/defaults';
import { input } from './helpers';

test("a model update: the fields the template sets are the template's, the others Azure's defaults", () => {
  const s = policySources(
    input({ trigger: 'model', rollingUpgradePolicy: { maxBatchInstancePercent: 50, pauseTimeBetweenBatchesSeconds: 60 } }),
  );
  assert.equal(s.maxBatchInstancePercent, 'template');
  assert.equal(s.pauseTimeBetweenBatchesSeconds, 'template');
  assert.equal(s.maxUnhealthyInstancePercent, 'azureDefault');
  assert.equal(s.maxSurge, 'azureDefault');
});

test('an OS upgrade without useRollingUpgradePolicy: the OS-upgrade default, whatever the template writes (but its maxSurge)', () => {
  const s = policySources(input({ trigger: 'aos', rollingUpgradePolicy: { maxBatchInstancePercent: 50, maxSurge: true } }));
  assert.equal(s.maxBatchInstancePercent, 'osUpgradeDefault');
  assert.equal(s.maxSurge, 'template');
  const rolling = policySources(
    input({
      trigger: 'aos',
      automaticOSUpgradePolicy: { useRollingUpgradePolicy: true },
      rollingUpgradePolicy: { maxBatchInstancePercent: 50 },
    }),
  );
  assert.equal(rolling.maxBatchInstancePercent, 'template');
  assert.equal(rolling.maxUnhealthyInstancePercent, 'azureDefault');
});

test("adjusted on Flexible, and Service Fabric's walk uses none of the percentages", () => {
  const flexible = policySources(
    input({ trigger: 'model', orchestrationMode: 'Flexible', rollingUpgradePolicy: { rollbackFailedInstancesOnPolicyBreach: true } }),
  );
  assert.equal(flexible.rollbackFailedInstancesOnPolicyBreach, 'adjusted');
  const sf = policySources({
    ...input({ trigger: 'aos', rollingUpgradePolicy: { maxBatchInstancePercent: 50 } }),
    serviceFabric: { durability: 'Silver' },
  });
  assert.ok(Object.values(sf).every((v) => v === 'serviceFabric'));
});
