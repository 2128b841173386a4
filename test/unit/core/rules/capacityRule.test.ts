import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFix, findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';
import { bicepDocument, ls } from '../../../helpers/languageService';

const RULE = 'capacity-out-of-range';
const POLICY = '{ "mode": "Manual" }';

/** The harness template with its capacity (and optionally its properties) changed. */
function withCapacity(capacity: string, properties = '', parameters?: string): string {
  const text = vmssTemplate(POLICY, parameters ? { parameters } : {}).replace('"capacity": 10 }', `"capacity": ${capacity} }`);
  return properties ? text.replace('"overprovision": false,', `"overprovision": false, ${properties},`) : text;
}

test('capacity-out-of-range: more than 1,000 instances, with the limit and what the preview does, and a fix', () => {
  for (const capacity of ['1001', '100000', '2147483648', '9007199254740992', '"5000"']) {
    const text = withCapacity(capacity);
    const [finding, ...rest] = findingsOf(text, RULE);
    assert.equal(rest.length, 0, capacity);
    assert.equal(textAt(text, finding!), capacity);
    assert.equal(finding!.severity, 'error');
    assert.equal(
      finding!.message,
      `sku.capacity ${capacity} is more than the 1000 instances Azure allows in one scale set, so the deployment fails.`,
    );
    assert.ok(finding!.message.length <= 160);
    assert.match(finding!.details!.explanation, /The preview, CodeLens and hover simulate 1000\./);
    assert.match(fixAndRecheck(text, RULE, /^Change capacity to 1000$/), /"capacity": 1000 \}/);
  }
});

test('capacity-out-of-range: a single placement group holds 100; the preferred fix turns it off, the other lowers the count', () => {
  const text = withCapacity('150', '"singlePlacementGroup": true');
  const [finding] = findingsOf(text, RULE);
  assert.equal(
    finding!.message,
    'sku.capacity 150 is more than the 100 instances Azure allows in a single placement group (singlePlacementGroup true), so the deployment fails.',
  );
  assert.deepEqual(
    finding!.fixes.map((f) => [f.title, f.isPreferred ?? false]),
    [
      ['Set singlePlacementGroup to false', true],
      ['Change capacity to 100', false],
    ],
  );
  assert.equal(textAt(text, { ...finding!, span: finding!.related[0]!.span }), 'true');
  assert.match(fixAndRecheck(text, RULE, /singlePlacementGroup/), /"singlePlacementGroup": false/);
  assert.match(fixAndRecheck(text, RULE, /^Change capacity/), /"capacity": 100 \}/);
  const large = findingsOf(withCapacity('1500', '"singlePlacementGroup": true'), RULE)[0]!;
  assert.deepEqual(
    large.fixes.map((f) => f.title),
    ['Change capacity to 100'],
    'past 1,000 turning the placement group off is not enough',
  );
});

test('capacity-out-of-range: not a whole number of instances', () => {
  for (const [capacity, shown] of [
    ['-3', '-3'],
    ['2.5', '2.5'],
    ['1e999', '1e999'],
    ['"many"', '"many"'],
    ['true', 'true'],
    ['{}', 'an object'],
  ] as const) {
    const [finding] = findingsOf(withCapacity(capacity), RULE);
    assert.equal(
      finding?.message,
      `sku.capacity ${shown} is not a whole number of instances (0 or more), so the deployment fails.`,
      capacity,
    );
    assert.deepEqual(finding!.fixes, []);
  }
});

test('capacity-out-of-range: a parameter is reported at the expression, with the parameter named and no fix', () => {
  const text = withCapacity('"[parameters(\'count\')]"', '', '"count": { "type": "int", "defaultValue": 5000 }');
  const [finding] = findingsOf(text, RULE);
  assert.match(
    fullText(finding!),
    /^sku\.capacity 5000 is more than the 1000 instances[^]*The value comes from the default value of parameter 'count'\./,
  );
  assert.equal(textAt(text, finding!), '"[parameters(\'count\')]"');
  assert.deepEqual(finding!.fixes, []);
});

test('capacity-out-of-range: silent at the limits, for 101–1,000 without a single placement group, Flexible, and unknown values', () => {
  for (const text of [
    withCapacity('1000'),
    withCapacity('0'),
    withCapacity('"1000"'),
    withCapacity('100', '"singlePlacementGroup": true'),
    withCapacity('500'),
    withCapacity('500', '"singlePlacementGroup": false'),
    withCapacity('500', '"orchestrationMode": "Flexible", "singlePlacementGroup": true'),
    withCapacity('"[reference(\'x\').count]"'),
    withCapacity('null'),
    vmssTemplate(POLICY).replace(', "capacity": 10', ''),
  ])
    assert.deepEqual(findingsOf(text, RULE), [], text);
});

test('capacity-out-of-range: other rules that compute with the instance count stay silent on a count Azure rejects', () => {
  const text = withCapacity('100000').replace(
    '"mode": "Manual"',
    '"mode": "Rolling", "rollingUpgradePolicy": { "maxUnhealthyUpgradedInstancePercent": 0 }',
  );
  assert.deepEqual(findingsOf(text, 'first-batch-failure-halts'), []);
  assert.equal(
    findingsOf(text.replace('"capacity": 100000', '"capacity": 10'), 'first-batch-failure-halts').length,
    1,
    'the same template at 10 instances fires',
  );
});

test('capacity-out-of-range in Bicep, with its fix written as Bicep', () => {
  const text =
    "resource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'v'\n  sku: { name: 'x', capacity: 1000000000 }\n  properties: { upgradePolicy: { mode: 'Manual' } }\n}\n";
  const doc = bicepDocument(text);
  const finding = ls.findProblems(doc, { rules: {} }).find((f) => f.ruleId === RULE)!;
  assert.match(fullText(finding), /^sku\.capacity 1000000000 is more than the 1000 instances/);
  const edits = ls.writeEdits(doc, finding.fixes[0]!.edits)!;
  const fixed = [...edits]
    .sort((a, b) => b.offset - a.offset)
    .reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
  assert.equal(fixed, text.replace('1000000000', '1000'));
  assert.ok(!ls.findProblems(bicepDocument(fixed), { rules: {} }).some((f) => f.ruleId === RULE));
});

test('capacity-out-of-range, property: any capacity and placement-group setting; every fix parses and removes the finding', () => {
  const capacities = fc.oneof(
    fc.integer({ min: -5, max: 2000 }).map(String),
    fc.constantFrom('1e999', '2.5', '"5000"', '"x"', '9007199254740993', 'null', '[]'),
  );
  const spg = fc.constantFrom(
    '',
    '"singlePlacementGroup": true',
    '"singlePlacementGroup": false',
    '"singlePlacementGroup": "true"',
    '"orchestrationMode": "Flexible", "singlePlacementGroup": true',
  );
  fc.assert(
    fc.property(capacities, spg, (capacity, properties) => {
      const text = withCapacity(capacity, properties);
      for (const finding of findingsOf(text, RULE)) {
        assert.ok(finding.message.length <= 220, finding.message);
        for (const fix of finding.fixes) {
          const fixed = applyFix(text, fix);
          assert.deepEqual(findingsOf(fixed, RULE), [], `"${fix.title}" left the finding:\n${fixed}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});
