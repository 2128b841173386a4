// The simulated fleet never exceeds Azure's limit per scale set, whatever the template or a direct input says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { MAX_SIMULATED_INSTANCES, scaleSetCapacity, simulatedFleetSize } from '../../../../server/src/core/sim/capacity';
import { closedForm } from '../../../../server/src/core/sim/closedForm';
import { defaultFleet, defaultInput } from '../../../../server/src/core/sim/defaults';
import { simInputFromScaleSet } from '../../../../server/src/core/sim/fromScaleSet';
import { monteCarlo } from '../../../../server/src/core/sim/monteCarlo';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { templateWith } from '../../../helpers/armTemplates';

const POLICY =
  '{ "upgradePolicy": { "mode": "Rolling" }, "virtualMachineProfile": { "networkProfile": { "healthProbe": { "id": "x" } } } }';

function scaleSet(capacity: string, extraProperties = '') {
  const props = extraProperties ? POLICY.replace('{ "upgradePolicy"', `{ ${extraProperties}, "upgradePolicy"`) : POLICY;
  return analyzeTemplate(templateWith(props, { capacity })).scaleSets[0]!;
}

test('the fleet size is a whole number from 0 to 1,000 whatever the number', () => {
  assert.equal(MAX_SIMULATED_INSTANCES, 1000);
  const cases: [number, number][] = [
    [10, 10],
    [0, 0],
    [1000, 1000],
    [1001, 1000],
    [2 ** 31, 1000],
    [2 ** 53, 1000],
    [1e308, 1000],
    [Number.POSITIVE_INFINITY, 1000],
    [Number.NaN, 0],
    [-5, 0],
    [Number.NEGATIVE_INFINITY, 0],
    [2.7, 2],
    [0.5, 0],
  ];
  for (const [input, size] of cases) assert.equal(simulatedFleetSize(input), size, String(input));
});

test('a template capacity above 1,000 is simulated at 1,000, and the run, the provenance and the assumed list say so', () => {
  for (const written of ['100000', '2147483648', '9007199254740992', '1e300', '"5000"']) {
    const mapped = simInputFromScaleSet(scaleSet(written));
    assert.equal(mapped.input.fleet.capacity, 1000, written);
    assert.ok(mapped.input.fleet.requestedCapacity! > 1000, written);
    assert.equal(mapped.provenance['capacity']?.assumed, true);
    assert.match(mapped.provenance['capacity']!.note!, /more than the 1000 instances Azure allows in one scale set; 1000 simulated/);
    assert.match(mapped.assumed.join('\n'), /^capacity: 1000 /m);
    const run = simulate(mapped.input);
    assert.equal(run.attempted + run.skipped + run.pending, 1000);
    assert.equal(run.batchSize, 200);
    assert.match(
      run.notes[run.notes.length - 1]!,
      /^sku\.capacity [\d.e+]+ is more than Azure allows \(1000 instances\): simulated with 1000\.$/,
    );
  }
});

test('the limit is 100 for a Uniform scale set with singlePlacementGroup true, 1,000 for Flexible and when it is unset', () => {
  const spg = scaleSet('150', '"singlePlacementGroup": true');
  assert.deepEqual(scaleSetCapacity(spg, 10), {
    count: 100,
    clampedFrom: 150,
    known: true,
    limit: { max: 100, where: 'in a single placement group (singlePlacementGroup true)' },
  });
  assert.equal(simInputFromScaleSet(spg).input.fleet.capacity, 100);
  assert.equal(scaleSetCapacity(scaleSet('150', '"singlePlacementGroup": "true"'), 10).count, 100, 'ARM reads "true" as true');
  assert.equal(scaleSetCapacity(scaleSet('150', '"singlePlacementGroup": false'), 10).count, 150);
  assert.equal(scaleSetCapacity(scaleSet('150'), 10).count, 150, 'unset: the 1,000 limit (documented assumption)');
  assert.equal(scaleSetCapacity(scaleSet('150', '"orchestrationMode": "Flexible", "singlePlacementGroup": true'), 10).count, 150);
  assert.equal(scaleSetCapacity(scaleSet('1500', '"orchestrationMode": "Flexible"'), 10).count, 1000);
});

test('absurd capacities: negative, fractional, strings and unknowns fall back to the assumed count, itself held to the limit', () => {
  for (const written of ['-5', '2.5', '"many"', 'true', '"[reference(\'x\').count]"', '1e999']) {
    const capacity = scaleSetCapacity(scaleSet(written), 10);
    assert.deepEqual({ count: capacity.count, known: capacity.known }, { count: 10, known: false }, written);
    assert.equal(simInputFromScaleSet(scaleSet(written)).input.fleet.capacity, 10, written);
  }
  assert.equal(scaleSetCapacity(scaleSet('-5'), 1e9).count, 1000, 'the assumed capacity (a setting) is held to the limit too');
  assert.equal(
    simInputFromScaleSet(scaleSet("[parameters('instanceCount')]"), { capacity: 1e9 }).input.fleet.capacity,
    1000,
    'a what-if capacity too',
  );
});

test('direct inputs the mapping never makes are bounded by the engine itself: run, Monte Carlo and closed form', () => {
  for (const capacity of [2 ** 31, 2 ** 53, Number.POSITIVE_INFINITY, Number.NaN, -1, 12.5]) {
    const input = defaultInput({
      fleet: { ...defaultFleet(capacity), zones: Array.from({ length: 100_000 }, (_, i) => String(i + 1)) },
      failures: { probability: 0.02, failingInstances: [], badImage: false, flapProbability: 0 },
    });
    const size = simulatedFleetSize(capacity);
    const run = simulate(input);
    assert.equal(run.attempted + run.skipped + run.pending, size, String(capacity));
    if (size !== capacity) assert.match(run.notes.join('\n'), /simulated with \d+\./, String(capacity));
    const mc = monteCarlo(input, 50);
    assert.equal(mc.trials, 50);
    const exact = closedForm(input);
    assert.ok(exact.pHalt === null || (exact.pHalt >= 0 && exact.pHalt <= 1), String(capacity));
  }
});

test('a capacity within the limit gets no note (the notes are unchanged for every real-sized fleet)', () => {
  const mapped = simInputFromScaleSet(scaleSet('1000'));
  assert.equal(mapped.input.fleet.requestedCapacity, undefined);
  assert.ok(!simulate(mapped.input).notes.some((n) => /capacity/i.test(n)));
});
