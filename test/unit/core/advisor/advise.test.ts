// The policy advisor (core/advisor): the front is a front, the recommendation keeps its word, the API's
// ranges and apiVersion hold, bad input is refused, and the numbers are the simulator's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { advisePolicy, dominates, missedGoals, MAX_PROPOSED_GATE_PERCENT } from '../../../../server/src/core/advisor';
import type { Advice, AdvisorGoals, AdvisorResult, Candidate } from '../../../../server/src/core/advisor';
import { ROLLING_UPGRADE_POLICY, parseIsoDuration } from '../../../../server/src/core/catalog';
import { closedForm, planUpgrade, simInputFromScaleSet, summarizeTrials, TrialRunner } from '../../../../server/src/core/sim';
import type { SimInput } from '../../../../server/src/core/sim';
import type { ScaleSetModel } from '../../../../server/src/core/model/templateModel';
import { knobsArb, scaleSetOf } from './scaleSets';

function advice(result: AdvisorResult): Advice {
  assert.equal(result.kind, 'advice', result.kind === 'advice' ? '' : result.message);
  return result as Advice;
}

const range = (name: string) => {
  const p = ROLLING_UPGRADE_POLICY.properties.find((x) => x.name === name)!;
  return { min: p.minimum!, max: p.maximum! };
};

/** Every invariant the issue asks of an advice, checked against the catalog and the goals. */
function checkAdvice(a: Advice, model: ScaleSetModel): void {
  // The front is a front: nothing evaluated dominates a point of it, and every point left out is dominated or a twin.
  for (const f of a.front)
    for (const c of a.evaluated) assert.ok(!dominates(c, f), `${JSON.stringify(c)} dominates front point ${JSON.stringify(f)}`);
  const same = (x: Candidate, y: Candidate) =>
    x.pHalt === y.pHalt &&
    x.durationP50Seconds === y.durationP50Seconds &&
    x.durationP90Seconds === y.durationP90Seconds &&
    x.minServing === y.minServing &&
    x.badImageTouched === y.badImageTouched;
  for (const c of a.evaluated)
    if (!a.front.includes(c))
      assert.ok(
        a.front.some((f) => dominates(f, c) || same(f, c)),
        `${JSON.stringify(c.policy)} left out of the front`,
      );
  assert.ok(a.front.length > 0);
  assert.ok(a.evaluated.includes(a.current));
  assert.ok(a.evaluated.includes(a.recommended));
  // A goal it claims to meet, it meets.
  const r = a.recommended;
  const claimed = new Set(a.missedGoals);
  if (!claimed.has('maxHalt')) assert.ok(r.pHalt <= a.goals.maxHalt);
  if (!claimed.has('maxBadImageTouched')) assert.ok(r.badImageTouched <= a.goals.maxBadImageTouched);
  if (!claimed.has('minServing')) assert.ok(r.minServing >= a.goals.minServing);
  if (!claimed.has('maxDurationSeconds') && a.goals.maxDurationSeconds !== null)
    assert.ok(r.durationP90Seconds <= a.goals.maxDurationSeconds);
  assert.deepEqual(a.missedGoals, missedGoals(r, a.goals));
  // When some evaluated policy meets every goal, so does the recommendation, and none of them is faster.
  // (The current policy counts only when the advisor may propose it: no gate off, batches within the unhealthy allowance.)
  const cur = a.current.policy;
  const currentProposable =
    cur.maxUnhealthyInstancePercent < 100 &&
    cur.maxUnhealthyUpgradedInstancePercent < 100 &&
    cur.maxUnhealthyInstancePercent >= cur.maxBatchInstancePercent;
  const meeting = a.evaluated.filter((c) => (c !== a.current || currentProposable) && missedGoals(c, a.goals).length === 0);
  if (meeting.length > 0) {
    assert.deepEqual(a.missedGoals, []);
    assert.ok(meeting.every((c) => c.durationP50Seconds >= r.durationP50Seconds));
  }
  // Every proposed policy is within the API's ranges, switches no gate off, and uses only what the apiVersion has.
  const api = model.apiVersion?.kind === 'string' ? model.apiVersion.value : '';
  for (const c of a.evaluated) {
    if (c === a.current) continue;
    const p = c.policy;
    const b = range('maxBatchInstancePercent');
    const u = range('maxUnhealthyInstancePercent');
    const v = range('maxUnhealthyUpgradedInstancePercent');
    assert.ok(p.maxBatchInstancePercent >= b.min && p.maxBatchInstancePercent <= b.max);
    assert.ok(p.maxUnhealthyInstancePercent >= u.min && p.maxUnhealthyInstancePercent < 100);
    assert.ok(p.maxUnhealthyUpgradedInstancePercent >= v.min && p.maxUnhealthyUpgradedInstancePercent < 100);
    assert.ok(p.maxUnhealthyInstancePercent >= p.maxBatchInstancePercent, 'batches within the unhealthy allowance');
    assert.ok(parseIsoDuration(p.pauseTimeBetweenBatches).ok);
    const gateCap = (x: number, cur: number) => x <= Math.max(MAX_PROPOSED_GATE_PERCENT, x === cur ? x : 0, p.maxBatchInstancePercent);
    assert.ok(gateCap(p.maxUnhealthyUpgradedInstancePercent, a.current.policy.maxUnhealthyUpgradedInstancePercent));
    assert.ok(gateCap(p.maxUnhealthyInstancePercent, a.current.policy.maxUnhealthyInstancePercent));
  }
  for (const c of a.evaluated) {
    if (api < '2022-11-01') assert.equal(c.policy.maxSurge, undefined, `maxSurge at apiVersion ${api}`);
    if (api < '2020-12-01') assert.equal(c.policy.prioritizeUnhealthyInstances, undefined);
  }
  if (r !== a.current) {
    assert.ok(r.policy.maxUnhealthyInstancePercent < 100 && r.policy.maxUnhealthyUpgradedInstancePercent < 100, 'no gate switched off');
  }
}

/** The simulator's input for a candidate policy (what the advisor scores), built independently of it. */
function inputFor(model: ScaleSetModel, c: Candidate, rate: number): SimInput {
  const base = simInputFromScaleSet(model, { failureRate: rate }).input;
  const pause = parseIsoDuration(c.policy.pauseTimeBetweenBatches);
  return {
    ...base,
    rollingUpgradePolicy: {
      ...base.rollingUpgradePolicy,
      maxBatchInstancePercent: c.policy.maxBatchInstancePercent,
      maxUnhealthyInstancePercent: c.policy.maxUnhealthyInstancePercent,
      maxUnhealthyUpgradedInstancePercent: c.policy.maxUnhealthyUpgradedInstancePercent,
      pauseTimeBetweenBatchesSeconds: pause.ok ? pause.seconds : 0,
      ...(c.policy.maxSurge !== undefined ? { maxSurge: c.policy.maxSurge } : {}),
      ...(c.policy.prioritizeUnhealthyInstances !== undefined
        ? { prioritizeUnhealthyInstances: c.policy.prioritizeUnhealthyInstances }
        : {}),
    },
  };
}

test('10 zonal instances at 20/20/20: one failure of the first instance halts; the advice loosens the post-batch gate, never to 100', () => {
  const model = scaleSetOf({
    capacity: 10,
    zones: ['1', '2', '3'],
    policy: { maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20 },
  });
  const a = advice(advisePolicy(model));
  checkAdvice(a, model);
  assert.equal(a.current.batches, '10 batches of 1');
  assert.ok(a.current.pHalt > 0.05, `current P(halt) ${a.current.pHalt}`);
  assert.deepEqual(a.missedGoals, []);
  assert.ok(a.recommended.pHalt <= 0.05);
  assert.ok(a.recommended.policy.maxUnhealthyUpgradedInstancePercent > 20);
  assert.ok(a.recommended.policy.maxUnhealthyUpgradedInstancePercent <= MAX_PROPOSED_GATE_PERCENT);
  assert.equal(a.currentDominated, true);
  assert.deepEqual(a.defaulted, ['maxHalt', 'maxBadImageTouched', 'minServing', 'maxDurationSeconds']);
  assert.deepEqual(a.goals, {
    failureRate: 0.02,
    maxHalt: 0.05,
    maxBadImageTouched: a.current.badImageTouched,
    minServing: a.current.minServing,
    maxDurationSeconds: null,
  });
});

test("the numbers are the simulator's: the current policy's plan, trials on the shared seed and, where it applies, the closed form", () => {
  const model = scaleSetOf({
    capacity: 30,
    policy: { maxBatchInstancePercent: 10 },
    aos: { enableAutomaticOSUpgrade: true, useRollingUpgradePolicy: true },
  });
  const a = advice(advisePolicy(model, {}, { failureRate: 0.05 }));
  const input = simInputFromScaleSet(model, { failureRate: 0.05 }).input;
  const plan = planUpgrade(input);
  assert.equal(a.current.minServing, plan.minServingInstances);
  const exact = closedForm(input);
  assert.equal(exact.method, 'dynamicProgramming');
  assert.equal(a.current.pHalt, exact.pHalt);
  assert.equal(a.current.pHaltMethod, 'dynamicProgramming');
  // Every other candidate too, recomputed from its policy alone.
  for (const c of a.evaluated.slice(0, 8)) {
    const i = inputFor(model, c, 0.05);
    assert.equal(c.minServing, planUpgrade(i).minServingInstances);
    const cf = closedForm(i);
    if (cf.pHalt !== null) assert.equal(c.pHalt, cf.pHalt);
    const bad = new TrialRunner({ ...i, failures: { ...i.failures, probability: 0, badImage: true } }).run({ from: 0, count: 1 });
    assert.equal(c.badImageTouched, bad.attempted[0]);
  }
  // Monte Carlo where no closed form applies (a model update: failed instances stay unhealthy and shrink batches).
  const rolling = scaleSetOf({ capacity: 30, policy: { maxBatchInstancePercent: 10 } });
  const b = advice(advisePolicy(rolling, {}, { failureRate: 0.05 }, { trials: 300 }));
  const s = summarizeTrials(new TrialRunner(simInputFromScaleSet(rolling, { failureRate: 0.05 }).input).run({ from: 0, count: 300 }));
  assert.equal(b.current.pHaltMethod, 'monteCarlo');
  assert.equal(b.trials, 300);
  assert.ok(Math.abs(b.current.pHalt - (1 - s.pComplete - s.pCancelled)) < 1e-12);
});

test('under a time limit (assumption upgradeTimeout) a run that reaches it counts as a halt, not as a fast upgrade', () => {
  // 15 zonal instances: 15 batches of 1 with health waits, well past an hour.
  const model = scaleSetOf({ capacity: 15, zones: ['1', '2', '3'], policy: { maxBatchInstancePercent: 20 } });
  const free = advice(advisePolicy(model, {}, {}, { trials: 50 }));
  assert.ok(free.current.durationP50Seconds > 3600, `${free.current.durationP50Seconds} s`);
  assert.ok(free.current.pHalt < 1);
  const limited = advice(advisePolicy(model, {}, { assumptions: { upgradeTimeout: 'oneHour' } }, { trials: 50 }));
  assert.equal(limited.current.pHalt, 1);
  assert.equal(limited.current.pHaltMethod, 'monteCarlo');
  // Batches of one per zone and update domain whatever the percentages: no policy gets under the limit, so the
  // advice says it misses the P(halt) goal instead of offering the stopped runs' shorter times as an improvement.
  assert.deepEqual(
    limited.evaluated.map((c) => c.pHalt),
    limited.evaluated.map(() => 1),
  );
  assert.deepEqual(limited.missedGoals, ['maxHalt']);
});

test('percentages that give the same batches are evaluated once', () => {
  const model = scaleSetOf({ capacity: 10, zones: ['1', '2', '3'], policy: { maxBatchInstancePercent: 20 } });
  const a = advice(advisePolicy(model));
  const seen = new Map<string, number>();
  for (const c of a.evaluated) {
    if (c === a.current) continue;
    const { maxBatchInstancePercent, ...rest } = c.policy;
    const plan = planUpgrade(inputFor(model, c, 0.02))
      .batches.map((b) => b.size)
      .join(',');
    const key = `${JSON.stringify(rest)}|${plan}`;
    const other = seen.get(key);
    assert.ok(
      other === undefined || other === maxBatchInstancePercent,
      `${maxBatchInstancePercent} and ${other} give the same batches ${plan}`,
    );
    seen.set(key, maxBatchInstancePercent);
  }
  // Zones of 4, 3 and 3 instances over 5 update domains: every batch holds one instance whatever the percentage.
  assert.ok(a.evaluated.every((c) => c.batches === '10 batches of 1'));
});

test('the apiVersion decides which properties are searched and shown', () => {
  const old = scaleSetOf({ apiVersion: '2020-06-01', capacity: 20, policy: { maxBatchInstancePercent: 20 } });
  const a = advice(advisePolicy(old));
  checkAdvice(a, old);
  assert.ok(a.evaluated.every((c) => c.policy.maxSurge === undefined && c.policy.prioritizeUnhealthyInstances === undefined));
  assert.ok(a.notes.some((n) => n.startsWith('maxSurge is not searched: apiVersion 2020-06-01 is older than 2022-11-01')));
  const recent = scaleSetOf({ apiVersion: '2024-07-01', capacity: 20, policy: { maxBatchInstancePercent: 20 } });
  const b = advice(advisePolicy(recent));
  assert.ok(b.evaluated.some((c) => c.policy.maxSurge === true));
  assert.ok(
    b.evaluated.every((c) => c.policy.prioritizeUnhealthyInstances === false),
    'no unhealthy instance: prioritizing changes nothing',
  );
});

test('goals: a duration goal searches the pause; a goal no policy meets gives the closest, naming what it misses', () => {
  const model = scaleSetOf({ capacity: 10, policy: { maxBatchInstancePercent: 20, pauseTimeBetweenBatches: 'PT10M' } });
  const keep = advice(advisePolicy(model));
  assert.ok(keep.evaluated.every((c) => c.policy.pauseTimeBetweenBatches === 'PT10M'));
  assert.ok(keep.notes.some((n) => n.startsWith('pauseTimeBetweenBatches is kept')));
  const fast = advice(advisePolicy(model, { maxDurationSeconds: 3600 }));
  checkAdvice(fast, model);
  assert.ok(fast.evaluated.some((c) => c.policy.pauseTimeBetweenBatches === 'PT0S'));
  assert.equal(fast.recommended.policy.pauseTimeBetweenBatches, 'PT0S');
  const impossible = advice(advisePolicy(model, { maxDurationSeconds: 60, maxHalt: 0 }));
  checkAdvice(impossible, model);
  assert.ok(impossible.missedGoals.includes('maxDurationSeconds'));
  assert.ok(impossible.missedGoals.length > 0);
});

test("an OS upgrade that ignores the template's policy: the candidates set useRollingUpgradePolicy", () => {
  const model = scaleSetOf({ capacity: 10, policy: { maxBatchInstancePercent: 20 }, aos: { enableAutomaticOSUpgrade: true } });
  const a = advice(advisePolicy(model));
  checkAdvice(a, model);
  assert.equal(a.trigger, 'aos');
  assert.ok(a.notes.some((n) => n.includes('useRollingUpgradePolicy')));
  assert.equal(a.setsUseRollingUpgradePolicy, !a.keepCurrent);
});

test('the current policy with a gate switched off is shown, never recommended', () => {
  const model = scaleSetOf({
    capacity: 10,
    policy: { maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 100, maxUnhealthyUpgradedInstancePercent: 100 },
  });
  const a = advice(advisePolicy(model));
  checkAdvice(a, model);
  assert.notEqual(a.recommended, a.current);
  assert.ok(a.recommended.policy.maxUnhealthyUpgradedInstancePercent <= MAX_PROPOSED_GATE_PERCENT);
  assert.equal(a.keepCurrent, false);
});

test('deterministic: the same scale set, goals and what-if give the same advice', () => {
  const model = scaleSetOf({ capacity: 25, zones: ['1', '2'], policy: { maxBatchInstancePercent: 30 } });
  assert.deepEqual(advisePolicy(model, { maxHalt: 0.1 }, { seed: 7 }), advisePolicy(model, { maxHalt: 0.1 }, { seed: 7 }));
});

test('bad input and nothing to tune: one clear message, no front', () => {
  const refused = (result: AdvisorResult, kind: string, pattern: RegExp) => {
    assert.equal(result.kind, kind);
    assert.match((result as { message: string }).message, pattern);
  };
  const model = scaleSetOf({ capacity: 10, policy: {} });
  refused(advisePolicy(model, {}, { failureRate: 1.5 }), 'invalidInput', /failure rate must be a number from 0 to 1 \(got 1.5\)/);
  refused(advisePolicy(model, {}, { failureRate: -0.1 }), 'invalidInput', /failure rate/);
  refused(advisePolicy(model, {}, { failureRate: Number.NaN }), 'invalidInput', /failure rate/);
  refused(advisePolicy(model, { maxHalt: 2 }), 'invalidInput', /P\(halt\) must be a number from 0 to 1/);
  refused(
    advisePolicy(model, { minServing: 11 }),
    'invalidInput',
    /contradictory goals: at least 11 serving is more than the 10 instances/,
  );
  refused(
    advisePolicy(model, { maxBadImageTouched: 0 }),
    'invalidInput',
    /contradictory goals: a bad image touches at least the first batch/,
  );
  refused(advisePolicy(model, { maxDurationSeconds: 0 } as AdvisorGoals), 'invalidInput', /longest duration/);
  refused(advisePolicy(model, {}, { assumptions: { nope: 'x' } }), 'invalidInput', /unknown assumption 'nope'/);
  refused(advisePolicy(scaleSetOf({ mode: 'Manual' })), 'nothingToTune', /mode Manual without automatic OS upgrade/);
  refused(advisePolicy(scaleSetOf({ mode: 'Automatic' })), 'nothingToTune', /mode Automatic without automatic OS upgrade/);
  refused(advisePolicy(scaleSetOf({ mode: 'Automatic', serviceFabric: 'Silver' })), 'nothingToTune', /Service Fabric node type/);
  refused(advisePolicy(scaleSetOf({ capacity: 0 })), 'nothingToTune', /no instance to upgrade/);
  // Manual mode with automatic OS upgrade on has a rolling OS upgrade to tune.
  assert.equal(advisePolicy(scaleSetOf({ mode: 'Manual', aos: { enableAutomaticOSUpgrade: true } })).kind, 'advice');
});

test('property: on random scale sets every advice is a front with a recommendation that keeps its word', () => {
  fc.assert(
    fc.property(knobsArb, fc.double({ min: 0, max: 0.3, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (knobs, rate, seed) => {
      const model = scaleSetOf(knobs);
      const result = advisePolicy(model, {}, { failureRate: rate, seed }, { trials: 40 });
      if (result.kind !== 'advice') return;
      checkAdvice(result, model);
    }),
    { numRuns: 25 },
  );
});
