// An expression's result becomes model values only up to a size: range(1, 1000000) is 20 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { asInteger } from '../../../../server/src/core/model/values';
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
  const nested = templateWith('{ "upgradePolicy": { "mode": "Rolling" } }', {
    extra: '\n      "zones": "[createArray(range(1, 6000), range(1, 6000))]",',
  });
  assert.equal(analyzeTemplate(nested).scaleSets[0]!.zones?.kind, 'unknown');
  const fine = analyzeTemplate(
    templateWith('{ "upgradePolicy": { "mode": "Rolling" } }', { extra: '\n      "zones": "[range(1, 9000)]",' }),
  ).scaleSets[0]!.zones;
  assert.equal(fine?.kind === 'array' ? fine.items.length : -1, 9000);
  const bicep = analyzeBicep(
    "resource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'v'\n  zones: range(1, 1000000)\n}\n",
  ).scaleSets[0]!;
  assert.equal(bicep.zones?.kind, 'unknown');
});

/** A template whose capacity is the end of a chain of `n` variables (or parameter defaults) naming the next. */
function chain(n: number, kind: 'variables' | 'parameters'): string {
  const entries = Array.from({ length: n }, (_, i) => {
    const next = i === n - 1 ? '7' : `"[${kind}('x${i + 1}')]"`;
    return kind === 'variables' ? `"x${i}": ${next}` : `"x${i}": { "type": "int", "defaultValue": ${next} }`;
  });
  return `{ "${kind}": { ${entries.join(', ')} }, "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "v", "sku": { "capacity": "[${kind}('x0')]" } } ] }`;
}

test('chains of variables and parameter defaults: bounded at 64 levels, with a reason that says so, not a stack overflow', () => {
  for (const kind of ['variables', 'parameters'] as const) {
    assert.equal(asInteger(analyzeTemplate(chain(60, kind)).scaleSets[0]!.capacity), 7, `${kind}: a real chain evaluates`);
    for (const n of [65, 50_000]) {
      const capacity = analyzeTemplate(chain(n, kind)).scaleSets[0]!.capacity;
      assert.equal(capacity?.kind, 'unknown');
      assert.equal(
        capacity?.kind === 'unknown' ? capacity.unknown.reason : '',
        'parameters and variables refer to one another more than 64 levels deep',
        `${kind} ${n}`,
      );
    }
  }
  const bicep = (n: number) =>
    `${Array.from({ length: n }, (_, i) => `var x${i} = ${i === n - 1 ? '7' : `x${i + 1}`}`).join('\n')}\nresource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'v'\n  sku: { capacity: x0 }\n}\n`;
  assert.equal(asInteger(analyzeBicep(bicep(60)).scaleSets[0]!.capacity), 7);
  const deep = analyzeBicep(bicep(50_000)).scaleSets[0]!.capacity;
  assert.equal(
    deep?.kind === 'unknown' ? deep.unknown.reason : '',
    'parameters and variables refer to one another more than 64 levels deep',
  );
});
