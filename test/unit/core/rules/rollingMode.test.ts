import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';
import { aosPolicy, scaleSetTemplate, UNKNOWN } from './aosHarness';

const withPolicy = (mode: string | undefined) =>
  vmssTemplate(`{${mode ? `\n  "mode": ${mode},` : ''}
  // kept from an earlier Rolling setup
  "rollingUpgradePolicy": { "maxBatchInstancePercent": 20 }
}`);

test('rolling-policy-unused: a rolling policy under mode Manual is an unnecessary info; the fix removes it', () => {
  const text = withPolicy('"Manual"');
  const [finding] = findingsOf(text, 'rolling-policy-unused');
  assert.equal(finding!.severity, 'info');
  assert.deepEqual(finding!.tags, ['unnecessary']);
  assert.equal(textAt(text, finding!), '"rollingUpgradePolicy": { "maxBatchInstancePercent": 20 }');
  assert.match(fullText(finding!), /mode is Manual.*cannot be specified when `upgrade_mode` is set to "Manual"/);
  const fixed = fixAndRecheck(text, 'rolling-policy-unused');
  assert.ok(!fixed.includes('rollingUpgradePolicy') && fixed.includes('"mode": "Manual"'));
});

test('rolling-policy-unused: absent mode (Manual) and Automatic fire too', () => {
  assert.match(fullText(findingsOf(withPolicy(undefined), 'rolling-policy-unused')[0]!), /mode is not set, so it is Manual/);
  assert.match(fullText(findingsOf(withPolicy('"Automatic"'), 'rolling-policy-unused')[0]!), /all instances at once/);
});

test('rolling-policy-unused: silent for Rolling, with AOS on (aos-rolling-policy-unused decides), without a policy, and unknown', () => {
  assert.deepEqual(findingsOf(withPolicy('"Rolling"'), 'rolling-policy-unused'), []);
  assert.deepEqual(
    findingsOf(vmssTemplate(aosPolicy('Manual', '', '"rollingUpgradePolicy": { "maxBatchInstancePercent": 20 }')), 'rolling-policy-unused'),
    [],
  );
  assert.deepEqual(findingsOf(vmssTemplate('{ "mode": "Manual", "rollingUpgradePolicy": null }'), 'rolling-policy-unused'), []);
  assert.deepEqual(findingsOf(withPolicy(UNKNOWN), 'rolling-policy-unused'), []);
  assert.deepEqual(
    findingsOf(
      vmssTemplate(
        `{ "mode": "Manual", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": ${UNKNOWN} }, "rollingUpgradePolicy": {} }`,
      ),
      'rolling-policy-unused',
    ),
    [],
  );
});

const HEALTH_PROFILE = `{
  "extensionProfile": {
    "extensions": [
      { "name": "health", "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthLinux", "typeHandlerVersion": "1.0", "settings": { "protocol": "http", "port": 80, "requestPath": "/health" } } }
    ]
  }
}`;

test('automatic-mode-all-at-once: mode Automatic is an info with the capacity; with a health source the fix switches to Rolling', () => {
  const text = scaleSetTemplate({ upgradePolicy: '{ "mode": "Automatic" }', vmProfile: HEALTH_PROFILE });
  const [finding] = findingsOf(text, 'automatic-mode-all-at-once');
  assert.equal(finding!.severity, 'info');
  assert.equal(textAt(text, finding!), '"Automatic"');
  assert.match(fullText(finding!), /may upgrade all 10 instances at the same time/);
  assert.equal(finding!.related.length, 1);
  assert.ok(fixAndRecheck(text, 'automatic-mode-all-at-once').includes('"mode": "Rolling"'));
});

test('automatic-mode-all-at-once: without a health source no fix, and Rolling is said to need one; unknown capacity says every instance', () => {
  const [finding] = findingsOf(
    scaleSetTemplate({ capacity: UNKNOWN, upgradePolicy: '{ "mode": "Automatic" }' }),
    'automatic-mode-all-at-once',
  );
  assert.deepEqual(finding!.fixes, []);
  assert.match(fullText(finding!), /every instance.*it needs a load-balancer health probe or the Application Health extension/);
});

test('automatic-mode-all-at-once: one instance is "its only instance", with no "at once" or "at the same time", and "1 instance"', () => {
  const [finding] = findingsOf(
    scaleSetTemplate({ capacity: '1', upgradePolicy: '{ "mode": "Automatic" }', vmProfile: HEALTH_PROFILE }),
    'automatic-mode-all-at-once',
  );
  assert.equal(
    finding!.message,
    'mode is Automatic: a model change upgrades its only instance with no health check or rollback, so the scale set is down while it is upgraded.',
  );
  assert.doesNotMatch(fullText(finding!), /only instance (at once|at the same time)|1 instances/);
  assert.deepEqual(
    finding!.related.map((r) => r.message),
    ['sku.capacity: 1 instance.'],
  );
});

test('automatic-mode-all-at-once: silent for Manual, Rolling, absent mode, unknown mode, and Service Fabric scale sets', () => {
  assert.deepEqual(findingsOf(vmssTemplate('{ "mode": "Manual" }'), 'automatic-mode-all-at-once'), []);
  assert.deepEqual(findingsOf(vmssTemplate('{ "mode": "Rolling" }'), 'automatic-mode-all-at-once'), []);
  assert.deepEqual(findingsOf(vmssTemplate('{}'), 'automatic-mode-all-at-once'), []);
  assert.deepEqual(findingsOf(vmssTemplate(`{ "mode": ${UNKNOWN} }`), 'automatic-mode-all-at-once'), []);
  const fabric = `{ "extensionProfile": { "extensions": [ { "name": "sf", "properties": { "publisher": "Microsoft.Azure.ServiceFabric", "type": "ServiceFabricNode", "typeHandlerVersion": "1.1", "settings": { "durabilityLevel": "Silver" } } } ] } }`;
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: '{ "mode": "Automatic" }', vmProfile: fabric }), 'automatic-mode-all-at-once'),
    [],
  );
});
