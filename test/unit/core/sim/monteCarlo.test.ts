// Monte Carlo against exact results (anchors-orchestrators.md §3.4), slicing, and sensitivity reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialTail, closedForm } from '../../../../server/src/core/sim/closedForm';
import { TrialRunner, mergeChunks, monteCarlo, runTrials, sensitivity, summarizeTrials } from '../../../../server/src/core/sim/monteCarlo';
import { input } from './helpers';

test('binomial tail: the published table values for the total denominator (10/20/100 instances)', () => {
  assert.equal(binomialTail(10, 0.05, 2).toFixed(4), '0.0115');
  assert.equal(binomialTail(10, 0.1, 2).toFixed(4), '0.0702');
  assert.equal(binomialTail(20, 0.1, 4).toFixed(3), '0.043');
  assert.equal(binomialTail(100, 0.1, 20).toFixed(4), '0.0008');
  assert.equal(binomialTail(5, 0.5, 5), 0);
  assert.equal(binomialTail(5, 0.5, -1), 1);
});

test('closed form picks the binomial tail for the total denominator and a DP for the upgraded one', () => {
  const total = closedForm(input({ trigger: 'aos', failures: { probability: 0.05 }, assumptions: { upgradedDenominator: 'total' } }));
  assert.equal(total.method, 'binomialTail');
  assert.equal(total.pHalt?.toFixed(4), '0.0115');
  const upgraded = closedForm(input({ trigger: 'aos', failures: { probability: 0.05 } }));
  assert.equal(upgraded.method, 'dynamicProgramming');
  // By hand: complete iff batches 1–2 are clean (1 of 2 or 4 is > 20%), at most 1 failure in batches 3–4
  // (2 of 6 or 8 is > 20%), and at most 2 failures overall (3 of 10 is > 20%).
  const q = 0.95,
    p = 0.05;
  const complete = q ** 4 * (q ** 4 + 4 * p * q ** 3 * (1 - p ** 2));
  assert.ok(Math.abs(upgraded.pHalt! - (1 - complete)) < 1e-12);
  assert.equal(closedForm(input({ failures: { badImage: true } })).method, null);
});

test('DP reproduces the published upgraded-denominator figures for 10 instances (0.197 at 5%, 0.380 at 10%)', () => {
  const at = (p: number) => closedForm(input({ trigger: 'aos', failures: { probability: p } })).pHalt!;
  assert.equal(at(0.05).toFixed(3), '0.197');
  assert.equal(at(0.1).toFixed(2), '0.38');
});

for (const [name, patch] of [
  ['total denominator (binomial)', { assumptions: { upgradedDenominator: 'total' as const } }],
  ['upgraded denominator (DP)', {}],
  [
    'model update without rollback, no batch shrink (DP with the pre-batch gate)',
    { trigger: 'model' as const, assumptions: { batchShrinksWithUnhealthy: 'no' as const } },
  ],
] as const) {
  test(`Monte Carlo agrees with the closed form within 4 standard errors: ${name}`, () => {
    const sim = input({ trigger: 'aos', failures: { probability: 0.05 }, seed: 2024, ...patch });
    const exact = closedForm(sim);
    assert.notEqual(exact.pHalt, null, exact.reason);
    const mc = monteCarlo(sim, 20000);
    const se = Math.sqrt((exact.pHalt! * (1 - exact.pHalt!)) / mc.trials);
    assert.ok(Math.abs(1 - mc.pComplete - exact.pHalt!) < 4 * se + 1e-9, `MC ${1 - mc.pComplete} vs exact ${exact.pHalt} (se ${se})`);
  });
}

test('slices merge to exactly the one-shot result, in any chunking and order', () => {
  const sim = input({ trigger: 'aos', failures: { probability: 0.1 }, fleet: { capacity: 30, unhealthy: 2 }, timings: { jitter: 0.2 } });
  const whole = runTrials(sim, { from: 0, count: 500 });
  const runner = new TrialRunner(sim);
  const parts = [
    runner.run({ from: 0, count: 123 }),
    runner.run({ from: 123, count: 300 }),
    new TrialRunner(sim).run({ from: 423, count: 77 }),
  ];
  assert.deepEqual(mergeChunks(parts.reverse()), whole);
  assert.throws(() => mergeChunks([parts[0]!, parts[2]!]), /not contiguous/);
  assert.deepEqual(summarizeTrials(mergeChunks(parts)), summarizeTrials(whole));
});

test('summary: bad image halts every trial after one batch; durations and blast radius follow', () => {
  const mc = monteCarlo(input({ trigger: 'aos', failures: { badImage: true } }), 200);
  assert.equal(mc.pComplete, 0);
  assert.equal(mc.haltsByCode.MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade, 1);
  assert.equal(mc.blastRadius.meanGivenHalt, 2);
  assert.equal(mc.durationSeconds.p50, 240 + 300 + 240);
  assert.equal(mc.rollbacks.mean, 2);
  const clean = monteCarlo(input(), 50);
  assert.equal(clean.pComplete, 1);
  assert.equal(clean.blastRadius.meanGivenHalt, null);
  assert.deepEqual(clean.minServingInstances.histogram, [{ value: 8, count: 50 }]);
});

test('sensitivity: switching the denominator changes outcomes; zone order on a regional set does not', () => {
  const report = sensitivity(input({ trigger: 'aos', failures: { probability: 0.05 } }), 2000);
  const denominator = report.find((r) => r.assumption === 'upgradedDenominator');
  assert.equal(denominator?.changesOutcome, true);
  assert.ok(denominator!.pComplete > 0.95);
  const zone = report.find((r) => r.assumption === 'zoneOrder');
  assert.equal(zone?.changesOutcome, false);
  assert.equal(zone?.changedTrials, 0);
});

test('sensitivity judges by duration and minimum serving too: domainBoundaries on a zonal set changes the duration, not P(complete)', () => {
  const zonal = input({ fleet: { capacity: 10, zones: ['1', '2', '3'] }, failures: { probability: 0.01 } });
  const report = sensitivity(zonal, 300);
  const domains = report.find((r) => r.assumption === 'domainBoundaries')!;
  const base = monteCarlo(zonal, 300);
  assert.equal(domains.value, 'ignore');
  assert.equal(domains.durationP50Seconds - base.durationSeconds.p50, domains.deltaDurationP50Seconds);
  assert.ok(domains.deltaDurationP50Seconds < -0.1 * base.durationSeconds.p50, `duration ${domains.deltaDurationP50Seconds} s`);
  assert.equal(domains.changesOutcome, true, 'a duration that moves by more than 10 % matters');
  assert.equal(domains.minServingP1 - base.minServingInstances.p1, domains.deltaMinServingP1);
  // Zone order on the same set moves nothing.
  const zone = report.find((r) => r.assumption === 'zoneOrder' && r.value === 'descending')!;
  assert.equal(zone.deltaDurationP50Seconds, 0);
  assert.equal(zone.changesOutcome, false);
});
