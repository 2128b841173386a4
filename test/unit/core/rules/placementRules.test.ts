import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';

/** A template whose upgradePolicy sits at the resource level instead of under properties. */
const STRAY = `{
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-11-01",
      "name": "vmss1",
      // wrong level
      "upgradePolicy": {
        "mode": "Rolling",
        "rollingUpgradePolicy": { "maxBatchInstancePercent": 20 }
      },
      "properties": {
        "overprovision": false
      }
    }
  ]
}`;

test('misplaced-policy: upgradePolicy outside properties is moved under properties', () => {
  const [finding] = findingsOf(STRAY, 'misplaced-policy');
  assert.equal(textAt(STRAY, finding!), '"upgradePolicy"');
  assert.match(
    fullText(finding!),
    /upgradePolicy at the resource level is not read by ARM \(it belongs at properties\.upgradePolicy\).*default mode Manual/,
  );
  const fixed = fixAndRecheck(STRAY, 'misplaced-policy');
  const scaleSet = analyzeTemplate(fixed).scaleSets[0]!;
  assert.equal(scaleSet.mode?.value.kind === 'string' && scaleSet.mode.value.value, 'Rolling');
  assert.ok(fixed.includes('"rollingUpgradePolicy": { "maxBatchInstancePercent": 20 }'), 'the moved value keeps its text');
});

test('misplaced-policy: with properties.upgradePolicy already present, it points there and offers no move', () => {
  const text = STRAY.replace('"overprovision": false', '"overprovision": false,\n        "upgradePolicy": { "mode": "Manual" }');
  const [finding] = findingsOf(text, 'misplaced-policy');
  assert.deepEqual(finding!.fixes, []);
  assert.equal(finding!.related.length, 1);
  assert.equal(textAt(text, { ...finding!, span: finding!.related[0]!.span }), '"upgradePolicy"');
});

test('misplaced-policy: rollingUpgradePolicy directly under properties is moved into upgradePolicy', () => {
  const text = vmssTemplate('{ "mode": "Rolling" }').replace(
    '"overprovision": false,',
    '"overprovision": false,\n        "rollingUpgradePolicy": { "maxSurge": false },',
  );
  const fixed = fixAndRecheck(text, 'misplaced-policy');
  const scaleSet = analyzeTemplate(fixed).scaleSets[0]!;
  assert.ok(scaleSet.rollingUpgradePolicy, fixed);
});

test('misplaced-policy: a rolling setting written directly in upgradePolicy is moved into rollingUpgradePolicy', () => {
  const text = vmssTemplate(`{
  "mode": "Rolling",
  "maxBatchInstancePercent": 10, // two per batch
  "rollingUpgradePolicy": {
    "maxSurge": false
  }
}`);
  const [finding] = findingsOf(text, 'misplaced-policy');
  assert.match(fullText(finding!), /"maxBatchInstancePercent" belongs in upgradePolicy\.rollingUpgradePolicy, not in upgradePolicy/);
  assert.deepEqual(findingsOf(text, 'unknown-property'), [], 'reported once, as misplaced');
  const fixed = fixAndRecheck(text, 'misplaced-policy');
  assert.match(fixed, /"rollingUpgradePolicy": \{\n\s+"maxSurge": false,\n\s+"maxBatchInstancePercent": 10\n/);
});

test('misplaced-policy: automaticOSUpgradePolicy inside rollingUpgradePolicy moves up, creating nothing twice', () => {
  const text = vmssTemplate(`{
  "mode": "Rolling",
  "rollingUpgradePolicy": {
    "maxSurge": false,
    "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true }
  }
}`);
  const fixed = fixAndRecheck(text, 'misplaced-policy');
  const scaleSet = analyzeTemplate(fixed).scaleSets[0]!;
  assert.equal(scaleSet.automaticOSUpgradePolicy?.value.kind, 'object');
});

test('misplaced-policy: no move when the target already has the property', () => {
  const text = vmssTemplate('{ "mode": "Rolling", "maxSurge": true, "rollingUpgradePolicy": { "maxSurge": false } }');
  const [finding] = findingsOf(text, 'misplaced-policy');
  assert.deepEqual(finding!.fixes, []);
  assert.match(fullText(finding!), /already sets "maxSurge"/);
});

test('misplaced-policy: silent for a correct policy and for an unresolvable one', () => {
  assert.deepEqual(
    findingsOf(vmssTemplate('{ "mode": "Rolling", "rollingUpgradePolicy": { "maxSurge": false } }'), 'misplaced-policy'),
    [],
  );
  assert.deepEqual(findingsOf(vmssTemplate(`"[reference('policies').upgrade]"`), 'misplaced-policy'), []);
});
