// Properties over arbitrary inputs (fast-check): determinism, batch limits, capacity accounting, surge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { runTrials } from '../../../../server/src/core/sim/monteCarlo';
import { simInputArb } from './arbitraries';

const RUNS = { numRuns: 300 };

test('the same seed gives the same trace', () => {
  fc.assert(
    fc.property(simInputArb, (input) => {
      assert.deepEqual(simulate(input), simulate(structuredClone(input)));
    }),
    RUNS,
  );
});

test('no batch exceeds its limit (maxBatchInstancePercent of the instance count, at least one)', () => {
  fc.assert(
    fc.property(simInputArb, (input) => {
      const run = simulate(input);
      for (const b of run.batches) {
        assert.ok(b.members.length >= 1);
        assert.ok(b.members.length <= run.batchSize, `batch ${b.index}: ${b.members.length} > ${run.batchSize}`);
        const n = input.fleet.capacity;
        const exact = (n * run.policy.maxBatchInstancePercent) / 100;
        const rounded = { floor: Math.floor(exact), ceil: Math.ceil(exact), round: Math.round(exact) }[input.assumptions.batchRounding];
        if (run.strategy === 'rolling') assert.equal(run.batchSize, Math.max(1, Math.min(n, rounded)));
      }
    }),
    RUNS,
  );
});

test('serving + upgrading + unhealthy = total at every step, and total − capacity = surge', () => {
  fc.assert(
    fc.property(simInputArb, (input) => {
      const run = simulate(input);
      for (const p of run.capacity) {
        assert.equal(p.serving + p.upgrading + p.unhealthy, p.total, `t=${p.t}`);
        assert.equal(p.surge, Math.max(0, p.total - input.fleet.capacity));
        assert.ok(p.serving >= 0 && p.upgrading >= 0 && p.unhealthy >= 0);
      }
      const last = run.capacity[run.capacity.length - 1]!;
      assert.equal(last.total, input.fleet.capacity, 'surge instances are gone at the end');
      assert.equal(last.upgrading, 0);
    }),
    RUNS,
  );
});

test('with maxSurge (and no pre-existing unhealthy), serving never drops below capacity', () => {
  fc.assert(
    fc.property(simInputArb, (base) => {
      const input = {
        ...base,
        trigger: 'model' as const,
        mode: 'Rolling' as const,
        orchestrationMode: 'Uniform' as const,
        rollingUpgradePolicy: { ...base.rollingUpgradePolicy, maxSurge: true },
        fleet: { ...base.fleet, unhealthy: 0 },
        assumptions: { ...base.assumptions, surgeFailure: 'keepOld' as const },
      };
      const run = simulate(input);
      for (const p of run.capacity) assert.ok(p.serving >= input.fleet.capacity, `t=${p.t}: ${p.serving}`);
    }),
    RUNS,
  );
});

test('batches stay within one zone unless enableCrossZoneUpgrade', () => {
  fc.assert(
    fc.property(simInputArb, (input) => {
      const run = simulate(input);
      if (run.strategy !== 'rolling' || run.policy.enableCrossZoneUpgrade) return;
      for (const b of run.batches) assert.ok(new Set(b.members.map((m) => m.zone)).size <= 1);
    }),
    RUNS,
  );
});

test('the lean Monte Carlo path reproduces the full run for the same stream (trial 0 = the single run)', () => {
  fc.assert(
    fc.property(simInputArb, (input) => {
      const run = simulate(input);
      const chunk = runTrials(input, { from: 0, count: 1 });
      assert.equal(chunk.duration[0], run.durationSeconds);
      assert.equal(chunk.minServing[0], run.minServingInstances);
      assert.equal(chunk.attempted[0], run.attempted);
      assert.equal(chunk.rolledBack[0], run.rolledBack);
      assert.equal(chunk.failed[0], run.failed);
    }),
    RUNS,
  );
});

test('events are ordered by time and every instance is accounted for', () => {
  fc.assert(
    fc.property(simInputArb, (input) => {
      const run = simulate(input);
      for (let i = 1; i < run.events.length; i++) assert.ok(run.events[i]!.t >= run.events[i - 1]!.t);
      assert.equal(run.attempted + run.skipped + run.pending, input.fleet.capacity);
      assert.equal(run.attempted, run.upgraded + run.failed);
    }),
    RUNS,
  );
});
