// The error codes a run can end with besides the gates' halts: RollingUpgradeTimeoutError behind assumption
// upgradeTimeout (Azure documents no limit), and OperationNotAllowed for the manual OS upgrade call on a
// pinned image version or a scale set whose every instance is protected (azure-upgrade-policy.md §3.3 #16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ASSUMPTIONS } from '../../../../server/src/core/sim/assumptions';
import { osUpgradeHistory, rollingUpgradeStatus } from '../../../../server/src/core/sim/azureShapes';
import { closedForm } from '../../../../server/src/core/sim/closedForm';
import { monteCarlo } from '../../../../server/src/core/sim/monteCarlo';
import { planUpgrade } from '../../../../server/src/core/sim/plan';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { summarizeRun } from '../../../../server/src/core/sim/summary';
import { imageVersionPinned } from '../../../../server/src/core/sim/targetImage';
import { input } from './helpers';

const AZURE_409 =
  'The OS Rolling Upgrade API cannot be used on a Virtual Machine Scale Set unless the Virtual Machine Scale Set has some unprotected instances which have imageReference.version set to latest.';

test('upgradeTimeout is an assumption whose default never times out, and says the limit is undocumented', () => {
  const info = ASSUMPTIONS.find((a) => a.name === 'upgradeTimeout')!;
  assert.equal(info.default, 'none');
  assert.match(info.description, /no limit/);
  assert.match(info.description, /made-up limits/);
  // 100 instances: no timeout by default, however long it takes.
  assert.equal(simulate(input({ fleet: { capacity: 100 } })).status, 'Completed');
});

test('upgradeTimeout=oneHour faults the upgrade with RollingUpgradeTimeoutError at the first batch boundary after an hour', () => {
  // 100 instances at 20 %: five batches of 5 min with 10 min pauses between them, more than an hour in all.
  const sim = input({
    fleet: { capacity: 100 },
    rollingUpgradePolicy: { pauseTimeBetweenBatchesSeconds: 600 },
    assumptions: { upgradeTimeout: 'oneHour' },
  });
  const free = simulate({ ...sim, assumptions: { ...sim.assumptions, upgradeTimeout: 'none' } });
  assert.ok(free.durationSeconds > 3600, `the untimed run takes ${free.durationSeconds} s`);
  const run = simulate(sim);
  assert.equal(run.status, 'Faulted');
  assert.equal(run.errorCode, 'RollingUpgradeTimeoutError');
  assert.equal(run.haltGate, null);
  assert.match(
    run.message,
    /^The rolling upgrade timed out after 1 h 0 min \(the time limit is assumption upgradeTimeout: Azure documents neither/,
  );
  const halt = run.events.find((e) => e.kind === 'halt')!;
  assert.equal(halt.detail, 'RollingUpgradeTimeoutError');
  assert.ok(halt.t >= 3600, 'not before the limit');
  const lastStart = Math.max(...run.batches.map((b) => b.startSeconds));
  assert.ok(lastStart < 3600, 'no batch starts after the limit');
  assert.ok(run.pending > 0);
  assert.match(summarizeRun(run), /^Faulted after \d+ batches \(RollingUpgradeTimeoutError\)/);
  const status = rollingUpgradeStatus(run, sim) as { properties: { runningStatus: { code: string }; error: { code: string } } };
  assert.equal(status.properties.runningStatus.code, 'Faulted');
  assert.equal(status.properties.error.code, 'RollingUpgradeTimeoutError');
  // Monte Carlo counts it among the halts, with the same code.
  const mc = monteCarlo(sim, 20);
  assert.equal(mc.haltsByCode.RollingUpgradeTimeoutError, 1);
  assert.equal(mc.pComplete, 0);
});

test('no closed form under a time limit: the limit stops the run whatever the gates say', () => {
  // 15 instances over 3 zones, automatic OS upgrade with rollback: 15 batches of 1 in 75 min, past oneHour.
  const aos = input({ trigger: 'aos', fleet: { capacity: 15, zones: ['1', '2', '3'] }, failures: { probability: 0.02 } });
  assert.ok(planUpgrade(aos).durationSeconds > 3600);
  assert.equal(closedForm(aos).method, 'dynamicProgramming');
  const limited = { ...aos, assumptions: { ...aos.assumptions, upgradeTimeout: 'oneHour' as const } };
  assert.deepEqual(closedForm(limited), {
    method: null,
    pHalt: null,
    reason: 'needs no upgrade time limit (assumption upgradeTimeout)',
  });
  // What the closed form would have missed: every trial stops, at a gate or at the limit.
  assert.equal(monteCarlo(limited, 200).pComplete, 0);
});

test("the manual OS upgrade on a pinned image version ends in OperationNotAllowed with Azure's text, not as a success", () => {
  const sim = input({
    trigger: 'manual-os',
    targetImageReference: { publisher: 'Canonical', offer: 'o', sku: 's', version: '22.04.202401010' },
  });
  const run = simulate(sim);
  assert.equal(run.status, 'NotStarted');
  assert.equal(run.errorCode, 'OperationNotAllowed');
  assert.equal(run.message, AZURE_409);
  assert.deepEqual(run.batches, []);
  assert.equal(run.upgraded, 0);
  assert.equal(run.pending, 10);
  assert.ok(
    run.notes.some((n) => /refused with OperationNotAllowed/.test(n)),
    run.notes.join('\n'),
  );
  assert.match(summarizeRun(run), /OperationNotAllowed/);
  assert.equal(rollingUpgradeStatus(run, sim), null, 'no rolling upgrade starts');
  assert.equal(osUpgradeHistory(run, sim), null);
  assert.match(planUpgrade(sim).explanation, /refused \(OperationNotAllowed\)/);
  assert.equal(monteCarlo(sim, 10).haltsByCode.OperationNotAllowed, 1);
  // The same template upgraded automatically, or with version latest, is not refused by this call.
  assert.equal(simulate({ ...sim, targetImageReference: { ...sim.targetImageReference, version: 'latest' } }).status, 'Completed');
  assert.notEqual(simulate({ ...sim, trigger: 'model' }).errorCode, 'OperationNotAllowed');
});

test('OperationNotAllowed also when every instance is protected from scale-set actions, not when one is left', () => {
  const overrides = Array.from({ length: 4 }, (_, id) => ({ id, protectedFromScaleSetActions: true }));
  const all = input({ trigger: 'manual-os', fleet: { capacity: 4, overrides } });
  assert.equal(simulate(all).errorCode, 'OperationNotAllowed');
  const one = input({ trigger: 'manual-os', fleet: { capacity: 4, overrides: overrides.slice(1) } });
  assert.equal(simulate(one).status, 'Completed');
  // SkipUpgrade (custom metrics) is not protection: the call is accepted and nothing is upgraded.
  const skipped = input({ trigger: 'manual-os', fleet: { capacity: 2, overrides: [0, 1].map((id) => ({ id, skipUpgrade: true })) } });
  assert.notEqual(simulate(skipped).errorCode, 'OperationNotAllowed');
});

test('a pinned version: version other than latest, or a gallery image id with /versions/', () => {
  assert.equal(imageVersionPinned(undefined), false);
  assert.equal(imageVersionPinned({ version: 'latest' }), false);
  assert.equal(imageVersionPinned({ Version: 'Latest' }), false);
  assert.equal(imageVersionPinned({ version: '1.0.0' }), true);
  assert.equal(imageVersionPinned({ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/galleries/g/images/i' }), false);
  assert.equal(
    imageVersionPinned({ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/galleries/g/images/i/versions/1.0.0' }),
    true,
  );
});
