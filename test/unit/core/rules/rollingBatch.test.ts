import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';
import { aosPolicy, scaleSetTemplate, UNKNOWN } from './aosHarness';

const rolling = (policy: string, mode = 'Rolling') =>
  vmssTemplate(`{
  "mode": "${mode}",
  "rollingUpgradePolicy": {
    // the batches under test
    ${policy}
  }
}`);

test('batch-exceeds-unhealthy: a batch above the unhealthy limit is a warning with both values and the capacity maths', () => {
  const text = rolling('"maxBatchInstancePercent": 50, "maxUnhealthyInstancePercent": 20');
  const [finding, ...rest] = findingsOf(text, 'batch-exceeds-unhealthy');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), '50');
  assert.match(
    fullText(finding!),
    /^maxBatchInstancePercent \(50\) is above maxUnhealthyInstancePercent \(20\): one failed batch leaves more instances unhealthy than the next batch's health gate allows/,
  );
  assert.doesNotMatch(
    fullText(finding!),
    /With 10 instances/,
    'on Uniform a batch of 10 stays within an update domain of 2, so no numbers',
  );
  const flexible = text.replace('"overprovision": false,', '"orchestrationMode": "Flexible",\n        "overprovision": false,');
  assert.match(
    fullText(findingsOf(flexible, 'batch-exceeds-unhealthy')[0]!),
    /With 10 instances a batch is 5, but more than 2 unhealthy instances stop the upgrade/,
  );
  assert.match(fullText(finding!), /unverified/);
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Set maxBatchInstancePercent to 20', 'Set maxUnhealthyInstancePercent to 50'],
  );
  assert.ok(fixAndRecheck(text, 'batch-exceeds-unhealthy').includes('"maxBatchInstancePercent": 20'));
  assert.ok(fixAndRecheck(text, 'batch-exceeds-unhealthy', /maxUnhealthyInstancePercent/).includes('"maxUnhealthyInstancePercent": 50'));
});

test('batch-exceeds-unhealthy: an absent value counts as its default 20, and the fix inserts it', () => {
  const text = rolling('"maxUnhealthyInstancePercent": 10');
  const [finding] = findingsOf(text, 'batch-exceeds-unhealthy');
  assert.equal(textAt(text, finding!), '10');
  assert.match(fullText(finding!), /maxBatchInstancePercent \(20, the default\) is above maxUnhealthyInstancePercent \(10\)/);
  assert.match(fixAndRecheck(text, 'batch-exceeds-unhealthy'), /"maxBatchInstancePercent": 10/);
});

test('batch-exceeds-unhealthy: silent when equal or below, without a policy, and for unknown or out-of-range values', () => {
  assert.deepEqual(findingsOf(rolling('"maxBatchInstancePercent": 20, "maxUnhealthyInstancePercent": 20'), 'batch-exceeds-unhealthy'), []);
  assert.deepEqual(findingsOf(rolling('"maxBatchInstancePercent": 10'), 'batch-exceeds-unhealthy'), []);
  assert.deepEqual(findingsOf(vmssTemplate('{ "mode": "Rolling" }'), 'batch-exceeds-unhealthy'), []);
  assert.deepEqual(
    findingsOf(rolling(`"maxBatchInstancePercent": ${UNKNOWN}, "maxUnhealthyInstancePercent": 10`), 'batch-exceeds-unhealthy'),
    [],
  );
  assert.deepEqual(
    findingsOf(rolling('"maxBatchInstancePercent": 150, "maxUnhealthyInstancePercent": 10'), 'batch-exceeds-unhealthy'),
    [],
    'value-out-of-range reports that',
  );
});

test('first-batch-failure-halts: 10 instances in batches of 2 with the 20 % limit (the docs example), naming the assumption', () => {
  const text = rolling('"maxBatchInstancePercent": 20, "maxUnhealthyUpgradedInstancePercent": 20');
  const [finding, ...rest] = findingsOf(text, 'first-batch-failure-halts');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'info');
  assert.equal(textAt(text, finding!), '20', 'on maxUnhealthyUpgradedInstancePercent');
  assert.ok(finding!.span.offset > text.indexOf('maxUnhealthyUpgradedInstancePercent'));
  assert.match(
    fullText(finding!),
    /^With 10 instances and batches of 2 .*one failed instance in the first batch is 50% of the upgraded instances, above the 20% limit/,
  );
  assert.match(fullText(finding!), /upgradedDenominator=upgraded.*gives 10% \(within the limit\)/);
  assert.match(
    fullText(finding!),
    /at least 50 \(larger batches do not help: a batch stays within one update or fault domain, 2 instances here\)/,
  );
  assert.equal(finding!.related.length, 1, 'the capacity');
});

test('first-batch-failure-halts: with automatic OS upgrade and no useRollingUpgradePolicy the built-in policy is judged', () => {
  const text = scaleSetTemplate({ capacity: '4', upgradePolicy: aosPolicy('Manual') });
  const [finding] = findingsOf(text, 'first-batch-failure-halts');
  assert.equal(textAt(text, finding!), 'true', 'on the AOS switch');
  assert.match(
    fullText(finding!),
    /With 4 instances and batches of 1 \(the built-in 20 % batches.*100% of the upgraded instances.*an automatic OS upgrade stops/,
  );
});

test("first-batch-failure-halts: a batch never crosses an update domain (the simulator's domainBoundaries assumption)", () => {
  const [finding] = findingsOf(rolling('"maxBatchInstancePercent": 50'), 'first-batch-failure-halts');
  assert.match(
    fullText(finding!),
    /batches of 2 \(maxBatchInstancePercent 50 gives 5, but a batch stays within one update or fault domain, and the first has 2 instances: simulator assumption domainBoundaries=within\)/,
  );
  const big = rolling('"maxBatchInstancePercent": 10').replace('"capacity": 10', '"capacity": 30');
  assert.match(
    fullText(findingsOf(big, 'first-batch-failure-halts')[0]!),
    /batches of 3 .*33\.3% .*or use batches of at least 5 instances/,
  );
  const zonal = big.replace('"location": "westeurope",', '"location": "westeurope",\n      "zones": ["1", "2", "3"],');
  assert.match(
    fullText(findingsOf(zonal, 'first-batch-failure-halts')[0]!),
    /batches of 2 \(maxBatchInstancePercent 10 gives 3, but a batch stays within one zone and update or fault domain, and the first has 2 instances/,
  );
});

test('first-batch-failure-halts: limit 0 says it tolerates nothing', () => {
  assert.match(
    fullText(findingsOf(rolling('"maxUnhealthyUpgradedInstancePercent": 0'), 'first-batch-failure-halts')[0]!),
    /0 tolerates no failed instance/,
  );
});

test('first-batch-failure-halts: silent when one failure is within the limit, for Manual without AOS, and for unknown capacity or values', () => {
  assert.deepEqual(
    findingsOf(
      rolling('"maxBatchInstancePercent": 20, "maxUnhealthyUpgradedInstancePercent": 20').replace('"capacity": 10', '"capacity": 50'),
      'first-batch-failure-halts',
    ),
    [],
    '50 instances: batches of 10, 10 % is within 20 %',
  );
  assert.deepEqual(findingsOf(rolling('"maxUnhealthyUpgradedInstancePercent": 50'), 'first-batch-failure-halts'), []);
  assert.deepEqual(findingsOf(rolling('"maxBatchInstancePercent": 20', 'Manual'), 'first-batch-failure-halts'), []);
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ capacity: UNKNOWN, upgradePolicy: '{ "mode": "Rolling" }' }), 'first-batch-failure-halts'),
    [],
  );
  assert.deepEqual(findingsOf(rolling(`"maxUnhealthyUpgradedInstancePercent": ${UNKNOWN}`), 'first-batch-failure-halts'), []);
  assert.deepEqual(findingsOf(vmssTemplate(`{ "mode": ${UNKNOWN} }`), 'first-batch-failure-halts'), []);
});
