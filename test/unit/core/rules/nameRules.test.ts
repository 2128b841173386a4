import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';

const VALID = `{
  "mode": "Rolling",
  "rollingUpgradePolicy": {
    "maxBatchInstancePercent": 20,
    "maxSurge": false // in-place upgrade
  },
  "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": false }
}`;
const UNKNOWN_OBJECT = `{ "mode": "Rolling", "rollingUpgradePolicy": "[reference('policyStore').rolling]" }`;

test('the valid policy and an unresolvable policy object are silent', () => {
  for (const id of ['unknown-property', 'property-name-casing', 'duplicate-property']) {
    assert.deepEqual(findingsOf(vmssTemplate(VALID), id), [], id);
    assert.deepEqual(findingsOf(vmssTemplate(UNKNOWN_OBJECT), id), [], id);
  }
});

test('unknown-property: a missing prefix is caught and renamed to the canonical name', () => {
  const text = vmssTemplate(VALID.replace('"maxBatchInstancePercent"', '"BatchInstancePercent"'));
  const [finding] = findingsOf(text, 'unknown-property');
  assert.equal(textAt(text, finding!), '"BatchInstancePercent"');
  assert.equal(finding!.severity, 'error');
  assert.match(
    fullText(finding!),
    /"BatchInstancePercent" is not a property of rollingUpgradePolicy.*Did you mean "maxBatchInstancePercent"\?/,
  );
  const fixed = fixAndRecheck(text, 'unknown-property');
  assert.ok(fixed.includes('"maxBatchInstancePercent": 20,'));
});

test('unknown-property: without a close name it lists the known properties and offers no fix', () => {
  const text = vmssTemplate(VALID.replace('"maxSurge"', '"colour"'));
  const [finding] = findingsOf(text, 'unknown-property');
  assert.match(fullText(finding!), /defines these properties in rollingUpgradePolicy: maxBatchInstancePercent, .*maxSurge\./);
  assert.deepEqual(finding!.fixes, []);
});

test('unknown-property: no rename when the suggested name is already there', () => {
  const text = vmssTemplate(VALID.replace('"maxSurge": false', '"maxSurge": false, "maxSurg": true'));
  assert.deepEqual(findingsOf(text, 'unknown-property')[0]!.fixes, []);
});

test('unknown-property: inside an object from a parameter it points at the expression, without a fix', () => {
  const text = vmssTemplate(`{ "mode": "Rolling", "rollingUpgradePolicy": "[parameters('rolling')]" }`, {
    parameters: `"rolling": { "type": "object", "defaultValue": { "maxBatchPercent": 20 } }`,
  });
  const [finding] = findingsOf(text, 'unknown-property');
  assert.equal(textAt(text, finding!), `"[parameters('rolling')]"`);
  assert.deepEqual(finding!.fixes, []);
});

test('property-name-casing: a miscased name works in ARM but is renamed to the canonical spelling', () => {
  const text = vmssTemplate(VALID.replace('"maxSurge"', '"MaxSurge"'));
  const [finding] = findingsOf(text, 'property-name-casing');
  assert.equal(finding!.severity, 'info');
  assert.match(fullText(finding!), /"MaxSurge" is spelled "maxSurge".*case-insensitively/);
  assert.ok(fixAndRecheck(text, 'property-name-casing').includes('"maxSurge": false // in-place upgrade'));
});

test('property-name-casing: the upgradePolicy key itself', () => {
  const text = vmssTemplate(VALID).replace('"upgradePolicy"', '"UpgradePolicy"');
  assert.equal(findingsOf(text, 'property-name-casing').length, 1);
  fixAndRecheck(text, 'property-name-casing');
});

test('property-name-casing: an enum value in other casing is fixed to the canonical value', () => {
  const text = vmssTemplate(VALID.replace('"Rolling"', '"rolling"'));
  const [finding] = findingsOf(text, 'property-name-casing');
  assert.equal(textAt(text, finding!), '"rolling"');
  assert.match(fullText(finding!), /"rolling" is spelled "Rolling"/);
  assert.ok(fixAndRecheck(text, 'property-name-casing').includes('"mode": "Rolling"'));
  assert.deepEqual(findingsOf(text, 'invalid-enum-value'), [], 'casing alone is not an invalid value');
});

test('property-name-casing: an unresolvable mode is silent', () => {
  assert.deepEqual(findingsOf(vmssTemplate(VALID.replace('"Rolling"', `"[reference('x').mode]"`)), 'property-name-casing'), []);
});

test('duplicate-property: every copy but the last is reported, with the last as related information', () => {
  const text = vmssTemplate(VALID.replace('"maxSurge": false', '"maxSurge": true,\n    "MAXSURGE": true,\n    "maxSurge": false'));
  const findings = findingsOf(text, 'duplicate-property');
  assert.equal(findings.length, 2);
  assert.match(fullText(findings[0]!), /"maxSurge" is set 3 times in rollingUpgradePolicy/);
  assert.equal(findings[0]!.related.length, 1);
  assert.equal(text.slice(findings[0]!.related[0]!.span.offset).startsWith('"maxSurge": false'), true);
  assert.deepEqual(findings[0]!.tags, ['unnecessary']);
});

test('duplicate-property: the fix removes the ignored copy', () => {
  const text = vmssTemplate(VALID.replace('"mode": "Rolling",', '"mode": "Manual",\n  "mode": "Rolling",'));
  const fixed = fixAndRecheck(text, 'duplicate-property');
  assert.ok(!fixed.includes('"Manual"') && fixed.includes('"mode": "Rolling"'));
});

test('unknown-property: inside the legacy autoOSUpgradePolicy its legacy property is the suggestion', () => {
  const text = vmssTemplate('{ "mode": "Automatic", "autoOSUpgradePolicy": { "disableRollback": true } }', { apiVersion: '2017-12-01' });
  const [finding] = findingsOf(text, 'unknown-property');
  assert.match(fullText(finding!), /Did you mean "disableAutoRollback"\?/);
});
