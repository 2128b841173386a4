// Scenario tests: one per documented behaviour (azure-upgrade-policy.md §4), with exact numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { planUpgrade } from '../../../../server/src/core/sim/plan';
import { input, ids } from './helpers';

test('10 instances at 20% → 5 batches of 2, 25 min with t_up 4 min + healthy after 1 min (S5, anchors §3.2)', () => {
  const run = simulate(input());
  assert.equal(run.status, 'Completed');
  assert.equal(run.errorCode, null);
  assert.equal(run.batchSize, 2);
  assert.deepEqual(
    run.batches.map((b) => b.members.length),
    [2, 2, 2, 2, 2],
  );
  assert.equal(run.durationSeconds, 1500);
  assert.equal(run.minServingInstances, 8);
  assert.equal(run.upgraded, 10);
});

test('5 or fewer instances → 1 per batch (S4)', () => {
  for (const capacity of [1, 3, 5]) {
    const run = simulate(input({ fleet: { capacity } }));
    assert.deepEqual(
      run.batches.map((b) => b.members.length),
      new Array(capacity).fill(1),
      `capacity ${capacity}`,
    );
  }
});

test('batch rounding is a named assumption: 12 at 20% → 2 (floor) or 3 (ceil)', () => {
  assert.equal(simulate(input({ fleet: { capacity: 12 }, assumptions: { domainBoundaries: 'ignore' } })).batchSize, 2);
  assert.equal(
    simulate(input({ fleet: { capacity: 12 }, assumptions: { domainBoundaries: 'ignore', batchRounding: 'ceil' } })).batchSize,
    3,
  );
});

test("pre-batch gate: 3 of 10 unhealthy (> 20%) stops before any batch with Azure's code and text", () => {
  const run = simulate(input({ fleet: { unhealthy: [1, 2, 3] } }));
  assert.equal(run.status, 'Faulted');
  assert.equal(run.errorCode, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
  assert.equal(run.batches.length, 0);
  assert.deepEqual(
    { u: run.haltGate?.unhealthy, d: run.haltGate?.denominator, passed: run.haltGate?.passed },
    { u: 3, d: 10, passed: false },
  );
  assert.match(run.message, /before any batch was attempted\. 30% of instances are in an unhealthy state, more than the threshold of 20%/);
});

test('pre-batch gate is strict ">": exactly 2 of 10 unhealthy (20%) passes, and the batch shrinks to 1... then 2', () => {
  const run = simulate(input({ fleet: { unhealthy: [8, 9] } }));
  assert.notEqual(run.errorCode, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
  assert.equal(run.batches[0]!.gates[0]!.passed, true);
  // floor(10 × 20 / 100) − 2 = 0 → at least one instance (assumption batchShrinksWithUnhealthy).
  assert.equal(run.batches[0]!.members.length, 1);
  const noShrink = simulate(input({ fleet: { unhealthy: [8, 9] }, assumptions: { batchShrinksWithUnhealthy: 'no' } }));
  assert.equal(noShrink.batches[0]!.members.length, 2);
});

test('the 5-minute wait: a failed instance is judged 300 s after its upgrade ends', () => {
  const run = simulate(input({ trigger: 'manual-os', failures: { failingInstances: [0] } }));
  const timeout = run.events.find((e) => e.kind === 'healthTimeout');
  assert.equal(timeout?.t, 240 + 300);
  assert.deepEqual(timeout?.instances, [0]);
  assert.equal(run.batches[0]!.endSeconds, 540);
});

test('an instance slower than 5 minutes to become healthy counts as failed', () => {
  const run = simulate(input({ timings: { healthySeconds: 301 } }));
  assert.equal(run.status, 'Faulted');
  assert.equal(run.errorCode, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
});

test('automatic OS upgrade rolls a failed instance back; disableAutomaticRollback and the manual trigger do not', () => {
  const failing = { failingInstances: [4] };
  const aos = simulate(input({ trigger: 'aos', failures: failing }));
  assert.equal(aos.rolledBack, 1);
  const done = aos.events.find((e) => e.kind === 'rollbackDone');
  assert.equal(done?.t, 4 * 300 + 240 + 300 + 240);
  assert.equal(aos.status, 'Completed');
  const disabled = simulate(input({ trigger: 'aos', automaticOSUpgradePolicy: { disableAutomaticRollback: true }, failures: failing }));
  assert.equal(disabled.rolledBack, 0);
  const manual = simulate(input({ trigger: 'manual-os', failures: failing }));
  assert.equal(manual.rolledBack, 0);
  assert.equal(
    manual.events.some((e) => e.kind === 'rollbackStart'),
    false,
  );
});

test('automatic OS upgrade uses 20/20/20 unless useRollingUpgradePolicy', () => {
  const policy = { maxBatchInstancePercent: 50, maxUnhealthyInstancePercent: 50 };
  assert.equal(simulate(input({ trigger: 'aos', rollingUpgradePolicy: policy })).batchSize, 2);
  assert.equal(
    simulate(input({ trigger: 'aos', rollingUpgradePolicy: policy, automaticOSUpgradePolicy: { useRollingUpgradePolicy: true } }))
      .batchSize,
    5,
  );
  assert.equal(simulate(input({ trigger: 'model', rollingUpgradePolicy: policy })).batchSize, 5);
});

test('halt code MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade: one failure in the first batch of 2 is 50% of upgraded', () => {
  const run = simulate(input({ failures: { failingInstances: [0] } }));
  assert.equal(run.errorCode, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  assert.equal(run.batches.length, 1);
  assert.equal(run.batches[0]!.outcome, 'halted');
  assert.match(
    run.message,
    /50% of instances are in an unhealthy state after being upgraded - more than the threshold of 20%\. .*First failed instance ID is: 0\./,
  );
  // With the docs' example denominator (all instances) one failure of 10 is 10%: no halt.
  const total = simulate(input({ failures: { failingInstances: [0] }, assumptions: { upgradedDenominator: 'total' } }));
  assert.equal(total.status, 'Completed');
  // "more than two instances" of 10 (S5) halts with the total denominator.
  const three = simulate(input({ failures: { failingInstances: [1, 2, 3] }, assumptions: { upgradedDenominator: 'total' } }));
  assert.equal(three.errorCode, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
});

test('halt code MaxUnhealthyInstancePercentExceededInRollingUpgrade: failures that stay unhealthy trip a later pre-batch gate', () => {
  const run = simulate(
    input({
      rollingUpgradePolicy: { maxUnhealthyUpgradedInstancePercent: 100 },
      failures: { failingInstances: [0, 5, 1] },
    }),
  );
  assert.equal(run.errorCode, 'MaxUnhealthyInstancePercentExceededInRollingUpgrade');
  assert.match(run.message, /30% of instances are in an unhealthy state - more than the threshold of 20%/);
});

test('zones: batches stay within one zone unless enableCrossZoneUpgrade (10 over 3 zones → 6 batches vs 5)', () => {
  const zonal = simulate(input({ fleet: { zones: ['1', '2', '3'] }, assumptions: { domainBoundaries: 'ignore' } }));
  assert.deepEqual(
    zonal.batches.map((b) => b.members.length),
    [2, 2, 2, 1, 2, 1],
  );
  for (const b of zonal.batches) assert.equal(new Set(b.members.map((m) => m.zone)).size, 1);
  const cross = simulate(
    input({
      fleet: { zones: ['1', '2', '3'] },
      rollingUpgradePolicy: { enableCrossZoneUpgrade: true },
      assumptions: { domainBoundaries: 'ignore' },
    }),
  );
  assert.equal(cross.batches.length, 5);
  const descending = simulate(input({ fleet: { zones: ['1', '2', '3'] }, assumptions: { zoneOrder: 'descending' } }));
  assert.equal(descending.batches[0]!.members[0]!.zone, '3');
});

test('update domains: batches never span two UDs (12 instances, 5 UDs of 3,3,2,2,2 → 7 batches)', () => {
  const run = simulate(input({ fleet: { capacity: 12 } }));
  assert.deepEqual(
    run.batches.map((b) => b.members.length),
    [2, 1, 2, 1, 2, 2, 2],
  );
  for (const b of run.batches) assert.equal(new Set(b.members.map((m) => m.domain)).size, 1);
  assert.deepEqual(ids(run.batches[0]!), [0, 5]);
});

test('Flexible goes fault domain by fault domain', () => {
  const run = simulate(input({ orchestrationMode: 'Flexible', fleet: { capacity: 10, faultDomainCount: 2 } }));
  // 5 instances per fault domain, batches of 2 that do not cross a domain: 2, 2, 1 per domain.
  assert.deepEqual(
    run.batches.map((b) => b.members[0]!.domain),
    [0, 0, 0, 1, 1, 1],
  );
  assert.deepEqual(
    run.batches.map((b) => b.members.length),
    [2, 2, 1, 2, 2, 1],
  );
  assert.deepEqual(ids(run.batches[0]!), [0, 2]);
});

test('maxSurge: new instances become healthy before the old ones go; capacity never dips; surge shows as extra instances', () => {
  const run = simulate(input({ rollingUpgradePolicy: { maxSurge: true } }));
  assert.equal(run.status, 'Completed');
  assert.equal(run.minServingInstances, 10);
  assert.equal(run.maxTotalInstances, 12);
  assert.ok(run.capacity.some((p) => p.surge === 2 && p.total === 12));
  assert.equal(run.durationSeconds, 5 * (240 + 60 + 60));
  assert.ok(run.batches.every((b) => b.surge && b.members.every((m) => m.replacementId !== undefined && m.replacementId >= 10)));
});

test('prioritizeUnhealthyInstances upgrades unhealthy instances first', () => {
  const run = simulate(input({ fleet: { unhealthy: [7] }, rollingUpgradePolicy: { prioritizeUnhealthyInstances: true } }));
  assert.deepEqual(ids(run.batches[0]!), [7]);
  const plain = simulate(input({ fleet: { unhealthy: [7] } }));
  assert.notDeepEqual(ids(plain.batches[0]!), [7]);
});

test('rollbackFailedInstancesOnPolicyBreach rolls failed instances back after a halt', () => {
  const run = simulate(
    input({ failures: { failingInstances: [0] }, rollingUpgradePolicy: { rollbackFailedInstancesOnPolicyBreach: true } }),
  );
  assert.equal(run.status, 'Faulted');
  assert.equal(run.rolledBack, 1);
  const halt = run.events.findIndex((e) => e.kind === 'halt');
  const rollback = run.events.findIndex((e) => e.kind === 'rollbackStart');
  assert.ok(halt >= 0 && rollback > halt);
  assert.equal(run.batches[0]!.members.find((m) => m.id === 0)?.outcome, 'rolledBack');
});

test('protected instances and SkipUpgrade are skipped; phases run in order, unphased last', () => {
  const run = simulate(
    input({
      fleet: {
        overrides: [
          { id: 0, protectedFromScaleSetActions: true },
          { id: 1, skipUpgrade: true },
          { id: 9, phaseOrderingNumber: 0 },
          { id: 8, phaseOrderingNumber: 0 },
          { id: 2, phaseOrderingNumber: 1 },
        ],
      },
    }),
  );
  assert.equal(run.skipped, 2);
  const order = run.batches.flatMap(ids);
  assert.ok(!order.includes(0) && !order.includes(1));
  assert.deepEqual(new Set(order.slice(0, 2)), new Set([8, 9]));
  assert.equal(order[2], 2);
  assert.equal(run.events.filter((e) => e.kind === 'skip').flatMap((e) => e.instances).length, 2);
});

test('no probe or extension: health is provisioning only, so there is no health wait', () => {
  const run = simulate(input({ healthSource: 'none' }));
  assert.equal(run.durationSeconds, 5 * 240);
  assert.ok(run.notes.some((n) => /power state/.test(n)));
});

test('model update, mode Automatic: every instance at once; mode Manual: nothing happens, and it says so', () => {
  const auto = simulate(input({ mode: 'Automatic' }));
  assert.equal(auto.strategy, 'allAtOnce');
  assert.equal(auto.batches.length, 1);
  assert.equal(auto.minServingInstances, 0);
  const manual = simulate(input({ mode: 'Manual' }));
  assert.equal(manual.status, 'NotStarted');
  assert.equal(manual.batches.length, 0);
  assert.match(manual.message, /by hand/);
});

test('pause between batches, sequential or overlapping the health wait', () => {
  const seq = simulate(input({ rollingUpgradePolicy: { pauseTimeBetweenBatchesSeconds: 120 } }));
  assert.equal(seq.durationSeconds, 1500 + 4 * 120);
  const overlap = simulate(
    input({ rollingUpgradePolicy: { pauseTimeBetweenBatchesSeconds: 120 }, assumptions: { pauseAfterHealthWait: 'overlap' } }),
  );
  assert.equal(overlap.durationSeconds, 5 * 300 + 4 * 60);
});

test('cancel: stops at the next batch boundary with status Cancelled', () => {
  const run = simulate(input({ cancelAtSeconds: 500 }));
  assert.equal(run.status, 'Cancelled');
  assert.equal(run.batches.length, 2);
  assert.equal(run.pending, 6);
  // Batches are counted from 1 in every text, as the preview's timeline labels them.
  assert.equal(run.events.find((e) => e.kind === 'cancel')?.detail, 'cancelled before batch 3');
});

test('a note on the one batch that is smaller names it counting from 1', () => {
  // 7 instances over two zones, batches of 3: zone 1 is 3 + 1, zone 2 is 3; the second batch is held to its zone.
  const plan = planUpgrade(
    input({
      fleet: { capacity: 7, zones: ['1', '2'] },
      rollingUpgradePolicy: { maxBatchInstancePercent: 50, maxUnhealthyInstancePercent: 50 },
      assumptions: { domainBoundaries: 'ignore' },
    }),
  );
  assert.deepEqual(
    plan.batches.map((b) => b.size),
    [3, 1, 3],
  );
  assert.deepEqual(plan.notes, ["batch 2 is smaller than the policy's batch size of 3: a batch stays within one zone."]);
});

test('bad image: every instance fails, the first batch halts the upgrade (blast radius = one batch)', () => {
  const run = simulate(input({ trigger: 'aos', failures: { badImage: true } }));
  assert.equal(run.errorCode, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  assert.equal(run.attempted, 2);
  assert.equal(run.rolledBack, 2);
  assert.match(run.message, /100% of instances are in an unhealthy state after being upgraded/);
});

test('checkAfterLastBatch: a one-instance scale set whose only instance fails is Faulted (default) or Completed', () => {
  const one = { fleet: { capacity: 1 }, failures: { failingInstances: [0] } };
  const checked = simulate(input(one));
  assert.equal(checked.errorCode, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  assert.match(checked.message, /100% of instances are in an unhealthy state after being upgraded/);
  assert.equal(simulate(input({ ...one, assumptions: { checkAfterLastBatch: 'no' } })).status, 'Completed');
});

test('flapping instances can trip a pre-batch gate; the gate detail says how many flapped', () => {
  const run = simulate(input({ fleet: { capacity: 20 }, failures: { flapProbability: 0.5 }, seed: 3 }));
  assert.equal(run.status, 'Faulted');
  assert.equal(run.errorCode, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
  assert.match(run.events.find((e) => e.kind === 'gate')!.detail, /flapping/);
});

test('jitter spreads instance times within [1 − j, 1 + j] and is reproducible for a seed', () => {
  const run = simulate(input({ timings: { jitter: 0.5 }, seed: 11 }));
  const healthy = run.events.filter((e) => e.kind === 'healthy' && e.batch === 0).map((e) => e.t);
  assert.equal(healthy.length, 2, 'two distinct times in the first batch');
  for (const t of healthy) assert.ok(t >= 0.5 * 300 && t <= 1.5 * 300);
  assert.deepEqual(simulate(input({ timings: { jitter: 0.5 }, seed: 11 })).events, run.events);
});

test("OS upgrades keep the template's maxSurge with the default percentages (assumption osUpgradeMaxSurge)", () => {
  const surge = { rollingUpgradePolicy: { maxSurge: true, maxBatchInstancePercent: 50 }, trigger: 'aos' as const };
  const run = simulate(input(surge));
  assert.equal(run.policy.maxSurge, true);
  assert.equal(run.batchSize, 2);
  assert.equal(run.minServingInstances, 10);
  const off = simulate(input({ ...surge, assumptions: { osUpgradeMaxSurge: 'policyOnly' } }));
  assert.equal(off.policy.maxSurge, false);
  assert.equal(off.minServingInstances, 8);
});

test('Flexible: AOS with maxSurge runs in place and rollbackFailedInstancesOnPolicyBreach is ignored, each with a note', () => {
  const run = simulate(
    input({
      trigger: 'aos',
      orchestrationMode: 'Flexible',
      automaticOSUpgradePolicy: { useRollingUpgradePolicy: true },
      rollingUpgradePolicy: { maxSurge: true, rollbackFailedInstancesOnPolicyBreach: true },
      failures: { failingInstances: [0] },
      assumptions: { osUpgradeMaxSurge: 'policyOnly' },
    }),
  );
  assert.equal(run.policy.maxSurge, false);
  assert.equal(run.policy.rollbackFailedInstancesOnPolicyBreach, false);
  assert.ok(run.notes.some((n) => /MaxSurge with automatic OS upgrade on Flexible is not supported/.test(n)));
  assert.ok(run.notes.some((n) => /Uniform only/.test(n)));
  assert.equal(run.minServingInstances, 8);
});

test('no health source: Azure would reject AOS and Rolling, and the notes say so', () => {
  assert.ok(simulate(input({ trigger: 'aos', healthSource: 'none' })).notes.some((n) => /rejects automatic OS upgrade/.test(n)));
  assert.ok(simulate(input({ trigger: 'model', healthSource: 'none' })).notes.some((n) => /rejects mode Rolling/.test(n)));
});
