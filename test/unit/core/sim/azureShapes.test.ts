// Azure-shaped outputs: rollingUpgrades/latest, osUpgradeHistory, and the halt texts with numbers filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullResourceId, osUpgradeHistory, osUpgradeHistoryEntry, rollingUpgradeStatus } from '../../../../server/src/core/sim/azureShapes';
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
  // The template says latest; the entry names the version the upgrade goes to: the made-up default here.
  assert.deepEqual(entry.properties.targetImageReference, { publisher: 'Canonical', version: '9999.0.0' });
  const pinned = { ...aos, targetVersion: '22.04.202612010' };
  assert.deepEqual((osUpgradeHistoryEntry(simulate(pinned), pinned) as Json).properties.targetImageReference, {
    publisher: 'Canonical',
    version: '22.04.202612010',
  });
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

test("--format history is Azure's list: { value: [ entry ] }, and null for model updates", () => {
  const aos = input({ trigger: 'aos' });
  const list = osUpgradeHistory(simulate(aos), aos) as { value: Json[] };
  assert.deepEqual(Object.keys(list), ['value']);
  assert.equal(list.value.length, 1);
  assert.deepEqual(list.value[0], osUpgradeHistoryEntry(simulate(aos), aos));
  assert.equal(osUpgradeHistory(simulate(input()), input()), null);
});

test('resource ids keep every segment: placeholders for the subscription, the resource group and a name from an expression', () => {
  const sim = input({ scaleSetName: 'web-vmss' });
  const status = rollingUpgradeStatus(simulate(sim), sim) as Json;
  assert.equal(
    status.id,
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/web-vmss/rollingUpgrades/latest',
  );
  assert.equal(status.name, 'latest');
  const expression = input({ scaleSetName: "[parameters('vmssName')]" });
  assert.match(
    (rollingUpgradeStatus(simulate(expression), expression) as Json).id,
    /virtualMachineScaleSets\/\{vmScaleSetName\}\/rollingUpgrades/,
  );
  // A gallery image id as resourceId() gives it (no subscription or resource group) gets both placeholders.
  assert.equal(
    fullResourceId('/providers/Microsoft.Compute/galleries/g/images/img'),
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/g/images/img',
  );
  assert.equal(
    fullResourceId('/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/img'),
    '/subscriptions/{subscriptionId}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/img',
  );
  const full = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/img';
  assert.equal(fullResourceId(full), full);
  const gallery = input({ trigger: 'aos', targetImageReference: { id: '/providers/Microsoft.Compute/galleries/g/images/img' } });
  assert.deepEqual((osUpgradeHistoryEntry(simulate(gallery), gallery) as Json).properties.targetImageReference, {
    id: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/g/images/img',
  });
});

test('status during the run: RollingUpgradeInProgressWithFailedUpgradedVMs once a failed instance is left and the rollout goes on', () => {
  // 20 instances at 20 %: instance 1 (batch 1) fails, 1 of 4 upgraded = 25 % > 20 % would halt, so the threshold is 30 %.
  const sim = input({
    fleet: { capacity: 20 },
    rollingUpgradePolicy: { maxUnhealthyUpgradedInstancePercent: 30 },
    failures: { failingInstances: [1] },
  });
  const run = simulate(sim);
  assert.equal(run.status, 'Completed');
  const events = run.events.filter((e) => e.kind === 'continueWithFailures');
  assert.equal(events.length, 1, 'one event: only the batch with the failure');
  assert.match(
    events[0]!.detail,
    /^RollingUpgradeInProgressWithFailedUpgradedVMs: 1 of 8 upgraded instances failed \(13%, not more than maxUnhealthyUpgradedInstancePercent 30%\): the rolling upgrade goes on\.$/,
  );
  const failedBatch = run.batches.find((b) => b.members.some((m) => m.id === 1))!;
  assert.equal(events[0]!.t, failedBatch.endSeconds);
  const before = rollingUpgradeStatus(run, sim, failedBatch.endSeconds - 1) as Json;
  assert.equal(before.properties.runningStatus.code, 'RollingForward');
  assert.equal(before.properties.error, undefined);
  assert.equal(before.properties.progress.inProgressInstanceCount, failedBatch.members.length);
  const after = rollingUpgradeStatus(run, sim, failedBatch.endSeconds) as Json;
  assert.equal(after.properties.runningStatus.code, 'RollingForward');
  assert.equal(after.properties.error.code, 'RollingUpgradeInProgressWithFailedUpgradedVMs');
  assert.deepEqual(
    after.properties.error.details.map((d: Json) => d.target),
    ['vmss/virtualMachines/1'],
  );
  const p = after.properties.progress;
  assert.equal(p.successfulInstanceCount + p.failedInstanceCount + p.inProgressInstanceCount + p.pendingInstanceCount, 20);
  assert.equal(p.failedInstanceCount, 1);
  // At the end: Completed, no error (Azure documents no code for a completed run with failed instances).
  const end = rollingUpgradeStatus(run, sim) as Json;
  assert.equal(end.properties.runningStatus.code, 'Completed');
  assert.equal(end.properties.error, undefined);
});

test('no RollingUpgradeInProgressWithFailedUpgradedVMs when the failure halts the upgrade, or in its last batch', () => {
  const halts = input({ failures: { failingInstances: [0] } });
  assert.equal(simulate(halts).events.filter((e) => e.kind === 'continueWithFailures').length, 0);
  const last = input({
    fleet: { capacity: 10 },
    rollingUpgradePolicy: { maxUnhealthyUpgradedInstancePercent: 50 },
    failures: { failingInstances: [9] },
  });
  const run = simulate(last);
  assert.equal(run.status, 'Completed');
  assert.equal(run.events.filter((e) => e.kind === 'continueWithFailures').length, 0);
});

test('status after a breach with rollbackFailedInstancesOnPolicyBreach reads RollingBack while the rollbacks run, then Faulted', () => {
  const sim = input({
    trigger: 'model',
    rollingUpgradePolicy: { rollbackFailedInstancesOnPolicyBreach: true },
    failures: { failingInstances: [0, 5] },
  });
  const run = simulate(sim);
  assert.equal(run.status, 'Faulted');
  const halt = run.events.find((e) => e.kind === 'halt')!;
  assert.ok(run.durationSeconds > halt.t, 'rollbacks run after the halt');
  assert.equal((rollingUpgradeStatus(run, sim, halt.t) as Json).properties.runningStatus.code, 'RollingBack');
  assert.equal((rollingUpgradeStatus(run, sim, halt.t) as Json).properties.error.code, run.errorCode);
  assert.equal((rollingUpgradeStatus(run, sim) as Json).properties.runningStatus.code, 'Faulted');
});
