// An expression's result becomes model values only up to a size: range(1, 1000000) is 20 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { analyzeTemplate } from '../../../../server/src/core/analyze';
import { simInputFromScaleSet } from '../../../../server/src/core/sim/fromScaleSet';
import { templateWith } from '../../../helpers/armTemplates';

test('an expression yielding more than 10,000 values is unknown, and the simulator says what it assumed', () => {
  const text = templateWith('{ "upgradePolicy": { "mode": "Rolling" } }', { extra: '\n      "zones": "[range(1, 1000000)]",' });
  const scaleSet = analyzeTemplate(text).scaleSets[0]!;
  assert.equal(scaleSet.zones?.kind, 'unknown');
  assert.match(scaleSet.zones?.kind === 'unknown' ? scaleSet.zones.unknown.reason : '', /^more than 10000 values: too large to analyse$/);
  const mapped = simInputFromScaleSet(scaleSet);
  assert.deepEqual(mapped.input.fleet.zones, []);
  assert.match(mapped.provenance['zones']!.note!, /too large to analyse/);
});

test('nested results count every part, and values up to the limit are kept', () => {
  const nested = templateWith('{ "upgradePolicy": { "mode": "Rolling" } }', { extra: '\n      "zones": "[createArray(range(1, 6000), range(1, 6000))]",' });
  assert.equal(analyzeTemplate(nested).scaleSets[0]!.zones?.kind, 'unknown');
  const fine = analyzeTemplate(templateWith('{ "upgradePolicy": { "mode": "Rolling" } }', { extra: '\n      "zones": "[range(1, 9000)]",' })).scaleSets[0]!.zones;
  assert.equal(fine?.kind === 'array' ? fine.items.length : -1, 9000);
  const bicep = analyzeBicep("resource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'v'\n  zones: range(1, 1000000)\n}\n").scaleSets[0]!;
  assert.equal(bicep.zones?.kind, 'unknown');
});
