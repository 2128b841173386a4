import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';

const policy = (rolling: string, mode = '"Rolling"') =>
  vmssTemplate(`{
  "mode": ${mode},
  "rollingUpgradePolicy": {
    // batches of two on ten instances
    ${rolling}
  }
}`);
const UNKNOWN = `"[reference('settings').value]"`;
const VALUE_RULES = ['value-type', 'value-as-string', 'value-out-of-range', 'invalid-enum-value', 'invalid-duration'];

test('valid values are silent for every value rule', () => {
  const text = policy(
    '"maxBatchInstancePercent": 20, "maxUnhealthyUpgradedInstancePercent": 0, "pauseTimeBetweenBatches": "PT1H30M", "maxSurge": true',
  );
  for (const id of VALUE_RULES) assert.deepEqual(findingsOf(text, id), [], id);
});

test('unknown values are silent for every value rule', () => {
  const text = policy(`"maxBatchInstancePercent": ${UNKNOWN}, "pauseTimeBetweenBatches": ${UNKNOWN}, "maxSurge": ${UNKNOWN}`, UNKNOWN);
  for (const id of VALUE_RULES) assert.deepEqual(findingsOf(text, id), [], id);
});

test('null counts as not set', () => {
  const text = policy('"maxBatchInstancePercent": null', 'null');
  for (const id of VALUE_RULES) assert.deepEqual(findingsOf(text, id), [], id);
});

test('value-type: a word where a number belongs', () => {
  const text = policy('"maxBatchInstancePercent": "abc"');
  const [finding] = findingsOf(text, 'value-type');
  assert.equal(textAt(text, finding!), '"abc"');
  assert.match(
    fullText(finding!),
    /maxBatchInstancePercent is "abc", but it must be a whole number from 5 to 100; .*Without a value, maxBatchInstancePercent is 20\./,
  );
  assert.ok(fixAndRecheck(text, 'value-type').includes('"maxBatchInstancePercent": 20'));
});

test('value-type: fractions, objects and non-boolean words', () => {
  assert.equal(findingsOf(policy('"maxBatchInstancePercent": 20.5'), 'value-type').length, 1);
  assert.equal(findingsOf(policy('"maxSurge": "yes"'), 'value-type').length, 1);
  assert.equal(findingsOf(vmssTemplate('{ "mode": "Rolling", "rollingUpgradePolicy": true }'), 'value-type').length, 1);
  assert.equal(
    findingsOf(policy('"prioritizeUnhealthyInstances": "yes"'), 'value-type')[0]!.fixes.length,
    0,
    'no documented default to offer',
  );
});

test('value-as-string: "20" and "true" are coerced by ARM, so an info with a typed fix', () => {
  const text = policy('"maxBatchInstancePercent": "20", "maxSurge": "TRUE"');
  const findings = findingsOf(text, 'value-as-string');
  assert.deepEqual(
    findings.map((f) => [textAt(text, f), f.severity]),
    [
      ['"20"', 'info'],
      ['"TRUE"', 'info'],
    ],
  );
  assert.match(fullText(findings[0]!), /is the string "20"; the Compute API defines a number/);
  assert.deepEqual(findingsOf(text, 'value-type'), []);
  const once = fixAndRecheck(policy('"maxBatchInstancePercent": "20"'), 'value-as-string');
  assert.ok(once.includes('"maxBatchInstancePercent": 20'));
});

test('value-as-string: a string from a parameter default says so and offers no fix', () => {
  const text = vmssTemplate(`{ "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": "[parameters('batch')]" } }`, {
    parameters: `"batch": { "type": "string", "defaultValue": "25" }`,
  });
  const [finding] = findingsOf(text, 'value-as-string');
  assert.equal(textAt(text, finding!), `"[parameters('batch')]"`);
  assert.match(fullText(finding!), /The value comes from the default value of parameter 'batch'/);
  assert.deepEqual(finding!.fixes, []);
});

test('value-out-of-range: names the value, the range and the default; fixes to the nearest bound', () => {
  const text = policy('"maxBatchInstancePercent": 150');
  const [finding] = findingsOf(text, 'value-out-of-range');
  assert.match(
    fullText(finding!),
    /maxBatchInstancePercent is 150; the Compute API accepts 5 to 100, so the deployment fails\..*without a value it is 20 %/,
  );
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Change to 100', 'Use the default 20'],
  );
  assert.ok(fixAndRecheck(text, 'value-out-of-range').includes('"maxBatchInstancePercent": 100'));
  assert.ok(fixAndRecheck(policy('"maxUnhealthyInstancePercent": 2'), 'value-out-of-range').includes('"maxUnhealthyInstancePercent": 5'));
});

test('value-out-of-range: the bounds themselves and 0 for upgraded instances are fine', () => {
  const text = policy('"maxBatchInstancePercent": 5, "maxUnhealthyInstancePercent": 100, "maxUnhealthyUpgradedInstancePercent": 0');
  assert.deepEqual(findingsOf(text, 'value-out-of-range'), []);
  assert.equal(findingsOf(policy('"maxUnhealthyUpgradedInstancePercent": -1'), 'value-out-of-range').length, 1);
});

test('value-out-of-range: a string number is range-checked too', () => {
  assert.equal(findingsOf(policy('"maxBatchInstancePercent": "101"'), 'value-out-of-range').length, 1);
});

test('value-out-of-range: values from the parameters file say so and point at the template expression', () => {
  const text = vmssTemplate(`{ "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": "[parameters('batch')]" } }`, {
    parameters: `"batch": { "type": "int", "defaultValue": 20 }`,
  });
  assert.deepEqual(findingsOf(text, 'value-out-of-range'), [], 'the default is in range');
  const fromFile = findingsOf(text, 'value-out-of-range', '{ "parameters": { "batch": { "value": 200 } } }');
  assert.equal(fromFile.length, 1);
  assert.equal(textAt(text, fromFile[0]!), `"[parameters('batch')]"`);
  assert.match(fullText(fromFile[0]!), /is 200;.*The value comes from parameter 'batch' in the parameters file\./);
  assert.deepEqual(fromFile[0]!.fixes, []);
});

test('invalid-enum-value: suggests the closest mode and fixes to it', () => {
  const text = policy('"maxSurge": false', '"Rollng"');
  const [finding] = findingsOf(text, 'invalid-enum-value');
  assert.match(
    fullText(finding!),
    /"Rollng" is not a valid mode, so ARM rejects the deployment\. Did you mean "Rolling"\?.*one of "Automatic", "Manual", "Rolling"\./,
  );
  assert.equal(finding!.fixes.find((f) => f.isPreferred)?.title, 'Change to "Rolling"');
  assert.ok(fixAndRecheck(text, 'invalid-enum-value', /Rolling/).includes('"mode": "Rolling"'));
});

test('invalid-enum-value: a number is a type error, not an enum error', () => {
  const text = policy('"maxSurge": false', '3');
  assert.deepEqual(findingsOf(text, 'invalid-enum-value'), []);
  assert.equal(findingsOf(text, 'value-type').length, 1);
});

test('invalid-duration: the spec example "aaaaaaaaaaaaaaa" is rejected; the fix is the default', () => {
  const text = policy('"pauseTimeBetweenBatches": "aaaaaaaaaaaaaaa"');
  const [finding] = findingsOf(text, 'invalid-duration');
  assert.match(fullText(finding!), /"aaaaaaaaaaaaaaa" is not an ISO 8601 duration/);
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Change to "PT0S" (0 seconds)'],
  );
  assert.ok(fixAndRecheck(text, 'invalid-duration').includes('"pauseTimeBetweenBatches": "PT0S"'));
});

test('invalid-duration: near misses get a specific suggestion', () => {
  const text = policy('"pauseTimeBetweenBatches": "00:05:00"');
  const [finding] = findingsOf(text, 'invalid-duration');
  assert.match(fullText(finding!), /Did you mean "PT5M" \(5 minutes\)\?/);
  assert.ok(fixAndRecheck(policy('"pauseTimeBetweenBatches": "pt10m"'), 'invalid-duration').includes('"PT10M"'));
});

test('value-type: upgradePolicy itself must be an object', () => {
  const text = vmssTemplate('"Rolling"');
  const [finding] = findingsOf(text, 'value-type');
  assert.equal(textAt(text, finding!), '"Rolling"');
  assert.match(fullText(finding!), /upgradePolicy is .*, but it must be an object/);
  assert.deepEqual(findingsOf(vmssTemplate(UNKNOWN), 'value-type'), []);
});
