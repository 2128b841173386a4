import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';
import { aosPolicy, scaleSetTemplate, UNKNOWN } from './aosHarness';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { simInputFromScaleSet } from '../../../../server/src/core/sim/fromScaleSet';
import { planUpgrade } from '../../../../server/src/core/sim/plan';

function simulatePlan(text: string) {
  const scaleSet = analyzeTemplate(text).scaleSets[0]!;
  return planUpgrade(simInputFromScaleSet(scaleSet, { trigger: 'model' }).input);
}

const rolling = (policy: string, mode = 'Rolling') =>
  vmssTemplate(`{
  "mode": "${mode}",
  "rollingUpgradePolicy": {
    // the batches under test
    ${policy}
  }
}`);

test('batch-exceeds-unhealthy: a batch above the unhealthy limit is held to the allowance, with the numbers of the plan', () => {
  const text = rolling('"maxBatchInstancePercent": 50, "maxUnhealthyInstancePercent": 20');
  const [finding, ...rest] = findingsOf(text, 'batch-exceeds-unhealthy');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), '50');
  assert.equal(
    finding!.message,
    "maxBatchInstancePercent (50) is above maxUnhealthyInstancePercent (20): batches hold 2 of 10 instances, not the policy's 5.",
  );
  // The numbers are the simulator's plan: its batches say they were held to the unhealthy allowance.
  const plan = simulatePlan(text);
  assert.equal(plan.batchSize, 5);
  assert.ok(plan.batches.some((b) => b.size === 2 && b.limitedBy.includes('unhealthyAllowance')));
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Set maxBatchInstancePercent to 20', 'Set maxUnhealthyInstancePercent to 50'],
  );
  assert.ok(fixAndRecheck(text, 'batch-exceeds-unhealthy').includes('"maxBatchInstancePercent": 20'));
  assert.ok(fixAndRecheck(text, 'batch-exceeds-unhealthy', /maxUnhealthyInstancePercent/).includes('"maxUnhealthyInstancePercent": 50'));
});

test('batch-exceeds-unhealthy: silent where the plan gives the same batches (six instances at 25 % and 20 %: batches of one)', () => {
  const six = rolling('"maxBatchInstancePercent": 25, "maxUnhealthyInstancePercent": 20').replace('"capacity": 10', '"capacity": 6');
  assert.deepEqual(findingsOf(six, 'batch-exceeds-unhealthy'), []);
  const unknown = rolling('"maxBatchInstancePercent": 50, "maxUnhealthyInstancePercent": 20').replace(
    '"capacity": 10',
    `"capacity": ${UNKNOWN}`,
  );
  assert.match(findingsOf(unknown, 'batch-exceeds-unhealthy')[0]!.message, /batches are held to what the unhealthy limit allows/);
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

test('first-batch-failure-halts: 10 instances in batches of 2 with the 20 % limit, with the exact first-batch halt probability', () => {
  const text = rolling('"maxBatchInstancePercent": 20, "maxUnhealthyUpgradedInstancePercent": 20');
  const [finding, ...rest] = findingsOf(text, 'first-batch-failure-halts');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'info');
  assert.equal(textAt(text, finding!), '20', 'on maxUnhealthyUpgradedInstancePercent');
  assert.ok(finding!.span.offset > text.indexOf('maxUnhealthyUpgradedInstancePercent'));
  // 1 − 0.98² = 3.96 %: one of the two instances of the first batch fails.
  assert.equal(
    finding!.message,
    'One failure in the first batch of 2 (50 % of upgraded) is over maxUnhealthyUpgradedInstancePercent 20: it halts (P 4.0 % if 2 % fail).',
  );
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Set maxUnhealthyUpgradedInstancePercent to 50 (first-batch halts at 2 % failures: 4.0 % → <0.1 %)'],
  );
  assert.match(fixAndRecheck(text, 'first-batch-failure-halts'), /"maxUnhealthyUpgradedInstancePercent": 50/);
  assert.equal(finding!.related.length, 1, 'the capacity');
});

test('first-batch-failure-halts: with automatic OS upgrade and no useRollingUpgradePolicy the built-in policy is judged', () => {
  const text = scaleSetTemplate({ capacity: '4', upgradePolicy: aosPolicy('Manual') });
  const [finding] = findingsOf(text, 'first-batch-failure-halts');
  assert.equal(textAt(text, finding!), 'true', 'on the AOS switch');
  assert.match(
    finding!.message,
    /^One failure in the first batch of 1 \(100 % of upgraded\) is over the 20 % OS-upgrade default limit: the OS upgrade halts/,
  );
  assert.deepEqual(
    finding!.fixes,
    [],
    'no threshold under 100 % lets a batch of one fail, and the rule never advises switching the check off',
  );
});

test("first-batch-failure-halts: the first batch is the plan's (a batch never crosses an update domain or zone)", () => {
  const [finding] = findingsOf(rolling('"maxBatchInstancePercent": 50, "maxUnhealthyInstancePercent": 50'), 'first-batch-failure-halts');
  assert.match(finding!.message, /first batch of 2 \(50 % of upgraded\)/);
  const big = rolling('"maxBatchInstancePercent": 10').replace('"capacity": 10', '"capacity": 30');
  const [three] = findingsOf(big, 'first-batch-failure-halts');
  assert.match(three!.message, /first batch of 3 \(33\.3 % of upgraded\) is over the default maxUnhealthyUpgradedInstancePercent 20/);
  assert.match(three!.fixes[0]!.title, /to 34 \(first-batch halts at 2 % failures: 5\.9 % → 0\.1 %\)/);
  const zonal = big.replace('"location": "westeurope",', '"location": "westeurope",\n      "zones": ["1", "2", "3"],');
  assert.match(findingsOf(zonal, 'first-batch-failure-halts')[0]!.message, /first batch of 2 /);
});

test('first-batch-failure-halts: messages stay within 160 characters', () => {
  for (const policy of ['"maxUnhealthyUpgradedInstancePercent": 0', '"maxBatchInstancePercent": 10', '"maxBatchInstancePercent": 100']) {
    for (const capacity of [1, 3, 10, 200, 1000]) {
      const text = rolling(policy).replace('"capacity": 10', `"capacity": ${capacity}`);
      for (const f of [...findingsOf(text, 'first-batch-failure-halts'), ...findingsOf(text, 'batch-exceeds-unhealthy')])
        assert.ok(f.message.length <= 160, f.message);
    }
  }
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
