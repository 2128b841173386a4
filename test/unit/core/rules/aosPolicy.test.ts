import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';
import { aosPolicy, UNKNOWN } from './aosHarness';

test('aos-manual-mode: AOS with mode Manual is an info on the mode', () => {
  const text = vmssTemplate(aosPolicy('Manual'));
  const [finding] = findingsOf(text, 'aos-manual-mode');
  assert.equal(finding!.severity, 'info');
  assert.equal(textAt(text, finding!), '"Manual"');
  assert.match(fullText(finding!), /bring them to the latest model yourself/);
  assert.deepEqual(finding!.fixes, []);
});

test('aos-manual-mode: an absent mode is Manual; the finding points at upgradePolicy', () => {
  const text = vmssTemplate('{ "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true } }');
  const [finding] = findingsOf(text, 'aos-manual-mode');
  assert.equal(textAt(text, finding!), '"upgradePolicy"');
  assert.match(fullText(finding!), /mode is not set, so it is Manual/);
});

test('aos-manual-mode: silent for Rolling and Automatic, AOS off, and an unknown mode', () => {
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy('Rolling')), 'aos-manual-mode'), []);
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy('Automatic')), 'aos-manual-mode'), []);
  assert.deepEqual(findingsOf(vmssTemplate('{ "mode": "Manual" }'), 'aos-manual-mode'), []);
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy('Manual').replace('"Manual"', UNKNOWN)), 'aos-manual-mode'), []);
});

test('aos-rollback-disabled: disableAutomaticRollback true is an info; the fix sets false', () => {
  const text = vmssTemplate(aosPolicy('Rolling', '"disableAutomaticRollback": true'));
  const [finding] = findingsOf(text, 'aos-rollback-disabled');
  assert.equal(finding!.severity, 'info');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(fullText(finding!), /within 5 minutes[^]*previous one/);
  assert.ok(fixAndRecheck(text, 'aos-rollback-disabled').includes('"disableAutomaticRollback": false'));
});

test('aos-rollback-disabled: silent when false or absent, with AOS off, or unknown', () => {
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy('Rolling', '"disableAutomaticRollback": false')), 'aos-rollback-disabled'), []);
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy()), 'aos-rollback-disabled'), []);
  assert.deepEqual(
    findingsOf(
      vmssTemplate('{ "mode": "Rolling", "automaticOSUpgradePolicy": { "disableAutomaticRollback": true } }'),
      'aos-rollback-disabled',
    ),
    [],
  );
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy('Rolling', `"disableAutomaticRollback": ${UNKNOWN}`)), 'aos-rollback-disabled'), []);
});

const flexible = (upgradePolicy: string, orchestration = '"Flexible"') =>
  vmssTemplate(upgradePolicy).replace('"overprovision": false,', `"orchestrationMode": ${orchestration},\n        "overprovision": false,`);

test('aos-flexible: AOS on Flexible is a warning that states the documentation conflict', () => {
  const text = flexible(aosPolicy());
  const [finding] = findingsOf(text, 'aos-flexible');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(fullText(finding!), /orchestration-modes page \(2024\)[^]*not supported[^]*MaxSurge page \(2026\)/);
  assert.equal(finding!.related.length, 1);
});

test('aos-flexible: silent on Uniform (also by default), with AOS off, and with an unknown orchestration mode', () => {
  assert.deepEqual(findingsOf(flexible(aosPolicy(), '"Uniform"'), 'aos-flexible'), []);
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy()), 'aos-flexible'), []);
  assert.deepEqual(findingsOf(flexible('{ "mode": "Rolling" }'), 'aos-flexible'), []);
  assert.deepEqual(findingsOf(flexible(aosPolicy(), UNKNOWN), 'aos-flexible'), []);
});

const ROLLING = '"rollingUpgradePolicy": { "maxBatchInstancePercent": 10, "maxUnhealthyInstancePercent": 20 }';

test('aos-rolling-policy-unused: a rolling policy AOS ignores is an info; the fix inserts useRollingUpgradePolicy', () => {
  const text = vmssTemplate(aosPolicy('Rolling', '', ROLLING));
  const [finding] = findingsOf(text, 'aos-rolling-policy-unused');
  assert.equal(finding!.severity, 'info');
  assert.equal(textAt(text, finding!), '"rollingUpgradePolicy"');
  assert.match(fullText(finding!), /maxBatchInstancePercent 10[^]*built-in policy of 20 %[^]*Rolling model updates still use it/);
  const fixed = fixAndRecheck(text, 'aos-rolling-policy-unused');
  assert.match(fixed, /"useRollingUpgradePolicy": true/);
});

test('aos-rolling-policy-unused: an explicit false is flipped in place', () => {
  const text = vmssTemplate(aosPolicy('Automatic', '"useRollingUpgradePolicy": false', ROLLING));
  assert.ok(fixAndRecheck(text, 'aos-rolling-policy-unused').includes('"useRollingUpgradePolicy": true'));
});

test('aos-rolling-policy-unused: before API 2022-03-01 it says so and offers no fix', () => {
  const text = vmssTemplate(aosPolicy('Rolling', '', ROLLING), { apiVersion: '2021-03-01' });
  const [finding] = findingsOf(text, 'aos-rolling-policy-unused');
  assert.match(fullText(finding!), /needs apiVersion 2022-03-01 or later/);
  assert.deepEqual(finding!.fixes, []);
});

test('aos-rolling-policy-unused: silent when used, without a policy, with AOS off or legacy, or unknown', () => {
  assert.deepEqual(
    findingsOf(vmssTemplate(aosPolicy('Rolling', '"useRollingUpgradePolicy": true', ROLLING)), 'aos-rolling-policy-unused'),
    [],
  );
  assert.deepEqual(findingsOf(vmssTemplate(aosPolicy('Rolling')), 'aos-rolling-policy-unused'), []);
  assert.deepEqual(findingsOf(vmssTemplate(`{ "mode": "Rolling", ${ROLLING} }`), 'aos-rolling-policy-unused'), []);
  assert.deepEqual(
    findingsOf(
      vmssTemplate(`{ "mode": "Rolling", "automaticOSUpgrade": true, ${ROLLING} }`, { apiVersion: '2017-12-01' }),
      'aos-rolling-policy-unused',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(vmssTemplate(aosPolicy('Rolling', `"useRollingUpgradePolicy": ${UNKNOWN}`, ROLLING)), 'aos-rolling-policy-unused'),
    [],
  );
  assert.deepEqual(
    findingsOf(vmssTemplate(aosPolicy('Rolling', '', `"rollingUpgradePolicy": ${UNKNOWN}`)), 'aos-rolling-policy-unused'),
    [],
  );
});
