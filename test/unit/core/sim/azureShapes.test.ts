// Azure-shaped outputs: rollingUpgrades/latest, osUpgradeHistory, and the halt texts with numbers filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { osUpgradeHistoryEntry, rollingUpgradeStatus } from '../../../../server/src/core/sim/azureShapes';
import { formatPercent, haltMessage } from '../../../../server/src/core/sim/messages';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { summarizeRun } from '../../../../server/src/core/sim/summary';
import { input } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

test('rollingUpgrades/latest for a completed run: Completed, counts, policy, times from the start time', () => {
  const sim = input({ startTime: '2026-03-01T10:00:00Z', location: 'westeurope' });
  const status = rollingUpgradeStatus(simulate(sim), sim) as Json;
  assert.equal(status.type, 'Microsoft.Compute/virtualMachineScaleSets/rollingUpgrades');
  assert.equal(status.location, 'westeurope');
  assert.deepEqual(status.properties.runningStatus, {
    code: 'Completed',
    startTime: '2026-03-01T10:00:00.000Z',
    lastAction: 'Start',
    lastActionTime: '2026-03-01T10:00:00.000Z',
  });
  assert.deepEqual(status.properties.progress, {
    successfulInstanceCount: 10,
    failedInstanceCount: 0,
    inProgressInstanceCount: 0,
    pendingInstanceCount: 0,
  });
  assert.equal(status.properties.policy.pauseTimeBetweenBatches, 'PT0S');
  assert.equal(status.properties.error, undefined);
});

test('a cancelled run reports lastAction Cancel; Manual mode has no rolling upgrade at all', () => {
  const sim = input({ cancelAtSeconds: 1, startTime: 0 });
  const status = rollingUpgradeStatus(simulate(sim), sim) as Json;
  assert.equal(status.properties.runningStatus.code, 'Cancelled');
  assert.equal(status.properties.runningStatus.lastAction, 'Cancel');
  assert.equal(status.properties.runningStatus.lastActionTime, new Date(300_000).toISOString());
  const manual = input({ mode: 'Manual' });
  assert.equal(rollingUpgradeStatus(simulate(manual), manual), null);
});

test('osUpgradeHistory: startedBy Platform for AOS and User for the manual call, rollbackInfo, endTime; none for model updates', () => {
  const aos = input({
    trigger: 'aos',
    failures: { failingInstances: [2] },
    targetImageReference: { publisher: 'Canonical', version: 'latest' },
  });
  const entry = osUpgradeHistoryEntry(simulate(aos), aos) as Json;
  assert.equal(entry.properties.startedBy, 'Platform');
  assert.deepEqual(entry.properties.rollbackInfo, { successfullyRolledbackInstanceCount: 1, failedRolledbackInstanceCount: 0 });
  assert.deepEqual(entry.properties.targetImageReference, { publisher: 'Canonical', version: 'latest' });
  assert.equal(entry.properties.runningStatus.endTime, '2026-01-01T00:33:00.000Z');
  const manual = input({ trigger: 'manual-os' });
  assert.equal((osUpgradeHistoryEntry(simulate(manual), manual) as Json).properties.startedBy, 'User');
  assert.equal(osUpgradeHistoryEntry(simulate(input()), input()), null);
});

test("halt errors carry per-instance details with Azure's code and target", () => {
  const sim = input({ scaleSetName: 'nt1', failures: { failingInstances: [0] } });
  const status = rollingUpgradeStatus(simulate(sim), sim) as Json;
  assert.equal(status.properties.error.code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  assert.deepEqual(status.properties.error.details, [
    {
      code: 'RollingUpgradeInstanceUnhealthyError',
      target: 'nt1/virtualMachines/0',
      message: 'Instance found to be unhealthy or unreachable.',
    },
  ]);
});

test("Azure's message texts, numbers filled in", () => {
  assert.equal(
    haltMessage('MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade', '100', 10, 0),
    'Rolling Upgrade failed after exceeding the MaxUnhealthyUpgradedInstancePercent value defined in the RollingUpgradePolicy. 100% of instances are in an unhealthy state after being upgraded - more than the threshold of 10%. The most impactful error is: Instance found to be unhealthy or unreachable.. First failed instance ID is: 0.',
  );
  assert.equal(
    haltMessage('MaxUnhealthyInstancePercentExceededInRollingUpgrade', '100', 20, null),
    'Rolling Upgrade failed after exceeding the MaxUnhealthyInstancePercent value defined in the RollingUpgradePolicy. 100% of instances are in an unhealthy state - more than the threshold of 20%. To apply upgrades, consider increasing the MaxUnhealthyInstancePercent value.',
  );
  assert.match(
    haltMessage('MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade', '100', 20, null),
    /^Rolling Upgrade failed due to exceeding .* The most impactful error is: {2}Instance found/,
  );
});

test("percentages round like Azure's integers, but never hide a breach", () => {
  assert.equal(formatPercent(1, 3, 20), '33');
  assert.equal(formatPercent(201, 1000, 20), '20.1');
  assert.equal(formatPercent(2, 10, 20), '20');
});

test('summarizeRun: one line for CodeLens and the CLI', () => {
  assert.equal(summarizeRun(simulate(input())), 'Completed: 5 batches of 2, 25 min, ≥ 8/10 serving');
  assert.equal(
    summarizeRun(simulate(input({ rollingUpgradePolicy: { maxSurge: true } }))),
    'Completed: 5 batches of 2, 30 min, ≥ 10/10 serving, peak 12 instances (surge)',
  );
  assert.match(
    summarizeRun(simulate(input({ failures: { failingInstances: [0] } }))),
    /^Faulted after 1 batch \(MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade\), 9 min, 2 instances touched/,
  );
  assert.match(summarizeRun(simulate(input({ mode: 'Manual' }))), /Manual mode/);
});
