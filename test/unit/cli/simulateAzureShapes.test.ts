// `vmss-upgrade simulate` through the built CLI (run `npm run build` first): the shapes Azure itself prints
// (rolling-upgrade status, OS upgrade history) and Azure's error texts where the run ends in one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/runCli';
import type { SimReport } from '../../../server/src/core/sim/report';

const TEMPLATE = 'test/fixtures/sim/template-aos-zones.json';

test("--format status and history print Azure's shapes", () => {
  const status = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'status', '--fail', '0', '--start', '2026-05-01T08:00:00Z']).stdout);
  assert.equal(status.type, 'Microsoft.Compute/virtualMachineScaleSets/rollingUpgrades');
  assert.equal(status.location, 'westeurope');
  assert.equal(status.properties.runningStatus.code, 'Faulted');
  assert.equal(status.properties.runningStatus.startTime, '2026-05-01T08:00:00.000Z');
  assert.equal(status.properties.error.code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  assert.equal(
    status.id,
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachineScaleSets/web-vmss/rollingUpgrades/latest',
  );
  assert.equal(status.name, 'latest');
  // Azure's list shape; the template says latest, so the entry names the made-up version the upgrade goes to.
  const list = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'history', '--bad-image']).stdout);
  assert.deepEqual(Object.keys(list), ['value']);
  const history = list.value[0];
  assert.equal(history.properties.startedBy, 'Platform');
  assert.equal(history.properties.targetImageReference.version, '9999.0.0');
  assert.equal(history.properties.rollbackInfo.successfullyRolledbackInstanceCount, 2);
  const chosen = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'history', '--target-version', '22.04.202612010']).stdout);
  assert.equal(chosen.value[0].properties.targetImageReference.version, '22.04.202612010');
  const text = runCli(['simulate', TEMPLATE]).stdout;
  assert.match(text, /note: The target image version 9999\.0\.0 is made up/);
  assert.doesNotMatch(runCli(['simulate', TEMPLATE, '--target-version', '1.2.3']).stdout, /made up/);
  const model = runCli(['simulate', TEMPLATE, '--format', 'history', '--trigger', 'model']);
  assert.equal(model.code, 2);
  assert.match(model.stderr, /OS image upgrades only/);
});

test('--format status --at: RollingUpgradeInProgressWithFailedUpgradedVMs while the rollout goes on past a failed instance', () => {
  // 40 instances at 20/20/20 (useRollingUpgradePolicy is not set): instance 3 fails in the third batch, 1 of 17
  // upgraded, within 20 %, so the rollout goes on.
  const json = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'json', '--capacity', '40', '--fail', '3']).stdout) as SimReport;
  assert.equal(json.run.status, 'Completed', json.run.summary);
  const event = json.run.events.find((e) => e.kind === 'continueWithFailures');
  assert.ok(event, 'the run records the code');
  assert.match(event.detail, /^RollingUpgradeInProgressWithFailedUpgradedVMs: 1 of \d+ upgraded instances failed/);
  const at = runCli(['simulate', TEMPLATE, '--format', 'status', '--capacity', '40', '--fail', '3', '--at', String(event.t)]);
  assert.equal(at.code, 0, at.stderr);
  const status = JSON.parse(at.stdout);
  assert.equal(status.properties.runningStatus.code, 'RollingForward');
  assert.equal(status.properties.error.code, 'RollingUpgradeInProgressWithFailedUpgradedVMs');
  assert.equal(status.properties.progress.failedInstanceCount, 1);
  const end = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'status', '--capacity', '40', '--fail', '3']).stdout);
  assert.equal(end.properties.runningStatus.code, 'Completed');
  const misplaced = runCli(['simulate', TEMPLATE, '--at', '60']);
  assert.equal(misplaced.code, 2);
  assert.match(misplaced.stderr, /--at goes with --format status/);
});

test("--trigger manual-os on a pinned image version: OperationNotAllowed with Azure's text, and no status or history", () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-pinned-'));
  const file = join(dir, 'pinned.json');
  writeFileSync(file, readFileSync(TEMPLATE, 'utf8').replace('"version": "latest"', '"version": "22.04.202401010"'));
  const r = runCli(['simulate', file, '--trigger', 'manual-os', '--format', 'json']);
  // Automatic OS upgrade is on in this template, so the pinned version also blocks the deployment.
  assert.equal((JSON.parse(r.stdout) as SimReport).run.status, 'Blocked');
  const run = (
    JSON.parse(runCli(['simulate', file, '--trigger', 'manual-os', '--format', 'json', '--ignore-blockers']).stdout) as SimReport
  ).run;
  assert.equal(run.status, 'NotStarted');
  assert.equal(run.errorCode, 'OperationNotAllowed');
  assert.match(run.message, /^The OS Rolling Upgrade API cannot be used on a Virtual Machine Scale Set unless/);
  assert.deepEqual(run.batches, []);
  const status = runCli(['simulate', file, '--trigger', 'manual-os', '--format', 'status', '--ignore-blockers']);
  assert.equal(status.code, 2);
  assert.match(status.stderr, /OperationNotAllowed/);
  assert.equal(status.stderr.trim().split('\n').length, 1);
});
