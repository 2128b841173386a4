// Mapping real templates (test/fixtures/real-templates) to simulator input, with provenance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { simInputFromScaleSet } from '../../../../server/src/core/sim/fromScaleSet';
import { runRules } from '../../../../server/src/core/rules';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { summarizeRun } from '../../../../server/src/core/sim/summary';

const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');
function scaleSets(name: string) {
  const params = join(DIR, `${name}.parameters.json`);
  return analyzeTemplate(readFileSync(join(DIR, `${name}.json`), 'utf8'), {
    parametersText: existsSync(params) ? readFileSync(params, 'utf8') : undefined,
  }).scaleSets;
}

test('zonal Rolling template: policy from the template, zones, probe; unknown capacity is an assumed default, flagged', () => {
  const mapped = simInputFromScaleSet(scaleSets('vmss-preview-zonesmanualrolling')[0]!);
  const { input } = mapped;
  assert.equal(input.trigger, 'model');
  assert.equal(input.mode, 'Rolling');
  assert.equal(input.healthSource, 'probe');
  assert.deepEqual(input.fleet.zones, ['1', '2', '3']);
  assert.equal(input.rollingUpgradePolicy?.maxUnhealthyInstancePercent, 25);
  assert.equal(input.rollingUpgradePolicy?.maxUnhealthyUpgradedInstancePercent, 10);
  assert.equal(mapped.effectivePolicy.maxUnhealthyUpgradedInstancePercent.origin, 'template');
  assert.equal(mapped.effectivePolicy.enableCrossZoneUpgrade.origin, 'azureDefault');
  assert.equal(input.fleet.capacity, 10);
  assert.equal(mapped.provenance['capacity']?.assumed, true);
  assert.match(mapped.assumed.join('\n'), /capacity: 10 .*instanceCount/);
  // Overrides win and say so.
  const what = simInputFromScaleSet(scaleSets('vmss-preview-zonesmanualrolling')[0]!, {
    capacity: 30,
    trigger: 'aos',
    assumptions: { upgradedDenominator: 'total' },
  });
  assert.equal(what.input.fleet.capacity, 30);
  assert.equal(what.provenance['capacity']?.origin, 'override');
  assert.equal(what.input.assumptions.upgradedDenominator, 'total');
  assert.equal(what.effectivePolicy.maxUnhealthyInstancePercent.origin, 'osUpgradeDefault');
  assert.equal(what.effectivePolicy.maxUnhealthyInstancePercent.value, 20);
});

test('strings are coerced ("0" → 0, "true" → true) and the provenance says so; legacy automaticOSUpgrade turns AOS on', () => {
  const mapped = simInputFromScaleSet(scaleSets('vmss-preview-dailyupdate')[0]!);
  assert.equal(mapped.input.rollingUpgradePolicy?.maxUnhealthyUpgradedInstancePercent, 0);
  assert.match(mapped.provenance['rollingUpgradePolicy.maxUnhealthyUpgradedInstancePercent']?.note ?? '', /string "0" read as 0/);
  assert.equal(mapped.input.trigger, 'aos');
  assert.equal(mapped.input.healthSource, 'none');
});

test('Service Fabric sample: capacity from the parameters file, Application Health extension as the health source', () => {
  const sets = scaleSets('sf-10vm-2nt-win-stateless');
  const rolling = sets.map((s) => simInputFromScaleSet(s)).find((m) => m.input.mode === 'Rolling')!;
  assert.equal(rolling.input.healthSource, 'extension');
  assert.equal(rolling.provenance['capacity']?.origin, 'parametersFile');
  assert.equal(rolling.input.rollingUpgradePolicy, undefined);
  assert.equal(rolling.effectivePolicy.maxBatchInstancePercent.origin, 'azureDefault');
  assert.equal(simulate(rolling.input).batches.length, rolling.input.fleet.capacity);
});

test('zones that cannot be evaluated are treated as regional, flagged', () => {
  const mapped = simInputFromScaleSet(scaleSets('qs-multi-vmss-linux-lb-zones')[0]!);
  assert.deepEqual(mapped.input.fleet.zones, []);
  assert.match(mapped.provenance['zones']?.note ?? '', /cannot be evaluated.*regional/);
  assert.equal(mapped.input.mode, 'Manual');
  assert.equal(simulate(mapped.input).status, 'NotStarted');
});

test('unknown assumption names and values are rejected', () => {
  const set = scaleSets('vmss-preview-zonesmanualrolling')[0]!;
  assert.throws(() => simInputFromScaleSet(set, { assumptions: { nope: 'x' } }), /unknown assumption 'nope'/);
  assert.throws(() => simInputFromScaleSet(set, { assumptions: { batchRounding: 'up' } }), /must be one of floor, ceil, round/);
});

test('the pause the simulator uses is the one the invalid-duration rule accepts', () => {
  const pauseOf = (pause: string) => {
    const text = `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "w", "sku": { "capacity": 10 },
      "properties": { "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "${pause}" } } } } ] }`;
    const model = analyzeTemplate(text);
    const rejected = runRules(model, text).some((f) => f.ruleId === 'invalid-duration');
    const mapped = simInputFromScaleSet(model.scaleSets[0]!);
    return {
      rejected,
      seconds: mapped.input.rollingUpgradePolicy?.pauseTimeBetweenBatchesSeconds,
      assumed: Boolean(mapped.provenance['rollingUpgradePolicy.pauseTimeBetweenBatches']?.assumed),
    };
  };
  assert.deepEqual(pauseOf('PT1M30S'), { rejected: false, seconds: 90, assumed: false });
  assert.deepEqual(pauseOf('P1DT2H'), { rejected: false, seconds: 93600, assumed: false });
  for (const bad of ['pt5m', 'aaaaaaaaaaaaaaa', 'PT']) {
    const read = pauseOf(bad);
    assert.equal(read.rejected, true, `${bad} is flagged`);
    assert.equal(read.seconds, undefined, `${bad}: unread, so Azure's default pause (PT0S) stands in`);
    assert.equal(read.assumed, true, `${bad}: and the preview says it assumed it`);
  }
});

test('model → one summarised run (what a CodeLens shows)', () => {
  const mapped = simInputFromScaleSet(scaleSets('vmss-preview-zonesmanualrolling')[0]!, { capacity: 15 });
  const run = simulate(mapped.input);
  assert.equal(run.status, 'Completed');
  assert.equal(summarizeRun(run), 'Completed: 15 batches of 1, 1 h 15 min, ≥ 14/15 serving');
  assert.equal(mapped.input.fleet.capacity, 15);
});
