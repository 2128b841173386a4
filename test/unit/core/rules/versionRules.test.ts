import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { findingsOf, fixAndRecheck, textAt, vmssTemplate, fullText } from './harness';

const MAX_SURGE = `{
  "mode": "Rolling",
  "rollingUpgradePolicy": {
    "maxSurge": true // new VMs first
  }
}`;

test('api-version-unsupported-property: maxSurge needs 2022-11-01', () => {
  const text = vmssTemplate(MAX_SURGE, { apiVersion: '2021-03-01' });
  const [finding] = findingsOf(text, 'api-version-unsupported-property');
  assert.equal(textAt(text, finding!), '"maxSurge"');
  assert.match(fullText(finding!), /maxSurge was added in Compute API 2022-11-01, but this resource uses apiVersion 2021-03-01/);
  assert.equal(textAt(text, { ...finding!, span: finding!.related[0]!.span }), '"2021-03-01"');
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Change apiVersion to 2022-11-01', 'Remove maxSurge'],
  );
  assert.ok(fixAndRecheck(text, 'api-version-unsupported-property').includes('"apiVersion": "2022-11-01"'));
  assert.ok(!fixAndRecheck(text, 'api-version-unsupported-property', /Remove/).includes('maxSurge'));
});

test('api-version-unsupported-property: silent at or after the version, for previews of that date, and for unknown apiVersions', () => {
  assert.deepEqual(findingsOf(vmssTemplate(MAX_SURGE, { apiVersion: '2022-11-01' }), 'api-version-unsupported-property'), []);
  assert.deepEqual(findingsOf(vmssTemplate(MAX_SURGE, { apiVersion: '2022-11-01-preview' }), 'api-version-unsupported-property'), []);
  const unknown = vmssTemplate(MAX_SURGE).replace('"apiVersion": "2024-11-01"', `"apiVersion": "[reference('x').api]"`);
  assert.deepEqual(findingsOf(unknown, 'api-version-unsupported-property'), []);
});

test('api-version-unsupported-property: an enum value newer than the apiVersion (Rolling before 2017-03-30)', () => {
  const text = vmssTemplate('{ "mode": "Rolling" }', { apiVersion: '2016-04-30-preview' });
  const [finding] = findingsOf(text, 'api-version-unsupported-property');
  assert.equal(textAt(text, finding!), '"Rolling"');
  assert.match(fullText(finding!), /mode "Rolling" was added in Compute API 2017-03-30/);
  fixAndRecheck(text, 'api-version-unsupported-property');
});

test('legacy-upgrade-property: automaticOSUpgrade migrates to automaticOSUpgradePolicy', () => {
  const text = vmssTemplate('{\n  "mode": "Automatic",\n  "automaticOSUpgrade": true // legacy\n}', { apiVersion: '2018-10-01' });
  const [finding] = findingsOf(text, 'legacy-upgrade-property');
  assert.equal(finding!.severity, 'warning');
  assert.deepEqual(finding!.tags, ['deprecated']);
  assert.match(
    fullText(finding!),
    /automaticOSUpgrade is the legacy form of automaticOSUpgradePolicy\.enableAutomaticOSUpgrade; apiVersion 2018-10-01 does not read it.*This resource uses apiVersion 2018-10-01, which no longer reads it/,
  );
  const fixed = fixAndRecheck(text, 'legacy-upgrade-property');
  const aos = analyzeTemplate(fixed).scaleSets[0]!.automaticOSUpgradePolicy;
  assert.equal(aos?.value.kind === 'object' && aos.value.properties[0]!.name, 'enableAutomaticOSUpgrade');
  assert.ok(fixed.includes('// legacy'));
});

test('legacy-upgrade-property: on an old apiVersion the fix raises it, so nothing new is reported', () => {
  const text = vmssTemplate('{ "mode": "Rolling", "automaticOSUpgrade": "[parameters(\'aos\')]" }', {
    apiVersion: '2017-03-30',
    parameters: `"aos": { "type": "bool", "defaultValue": false }`,
  });
  const [finding] = findingsOf(text, 'legacy-upgrade-property');
  assert.match(fullText(finding!), /where it still works.*needs apiVersion 2018-10-01 or later/);
  const fixed = fixAndRecheck(text, 'legacy-upgrade-property');
  assert.ok(fixed.includes(`"enableAutomaticOSUpgrade": "[parameters('aos')]"`), 'the expression is kept');
  assert.ok(fixed.includes('"apiVersion": "2018-10-01"'));
  assert.deepEqual(findingsOf(fixed, 'api-version-unsupported-property'), []);
});

test('legacy-upgrade-property: autoOSUpgradePolicy.disableAutoRollback becomes disableAutomaticRollback', () => {
  const text = vmssTemplate(
    '{\n  "mode": "Automatic",\n  "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true },\n  "autoOSUpgradePolicy": {\n    "disableAutoRollback": false\n  }\n}',
  );
  const fixed = fixAndRecheck(text, 'legacy-upgrade-property');
  assert.ok(fixed.includes('{ "enableAutomaticOSUpgrade": true, "disableAutomaticRollback": false }'), fixed);
  assert.ok(!fixed.includes('autoOSUpgradePolicy'));
});

test('legacy-upgrade-property: when the new form is already set, the fix only removes the legacy one', () => {
  const text = vmssTemplate(
    '{ "mode": "Automatic", "automaticOSUpgrade": true, "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true } }',
  );
  const [finding] = findingsOf(text, 'legacy-upgrade-property');
  assert.match(finding!.fixes[0]!.title, /^Remove the legacy automaticOSUpgrade/);
  fixAndRecheck(text, 'legacy-upgrade-property');
});

test('legacy-upgrade-property: silent without legacy properties and for an unresolvable policy', () => {
  assert.deepEqual(
    findingsOf(
      vmssTemplate('{ "mode": "Automatic", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true } }'),
      'legacy-upgrade-property',
    ),
    [],
  );
  assert.deepEqual(findingsOf(vmssTemplate(`"[reference('x').policy]"`), 'legacy-upgrade-property'), []);
});
