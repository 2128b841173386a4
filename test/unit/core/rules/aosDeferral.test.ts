// aos-upgrade-deferral: osRollingUpgradeDeferral (Compute API 2024-03-01) makes each automatic OS upgrade wait
// for approveRollingUpgrade; an info finding, the same from JSON and from Bicep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicepDocument, ls } from '../../../helpers/languageService';
import { aosPolicy, scaleSetTemplate, UNKNOWN } from './aosHarness';
import { findingsOf, fullText, textAt } from './harness';

const RULE = 'aos-upgrade-deferral';
const deferred = (value: string, parameters?: string) =>
  scaleSetTemplate({
    apiVersion: '2024-03-01',
    upgradePolicy: aosPolicy('Rolling', `"osRollingUpgradeDeferral": ${value}`),
    ...(parameters ? { parameters } : {}),
  });

test('aos-upgrade-deferral: fires on true (and "true", and a parameter that is true), as info, on the value', () => {
  for (const [value, parameters] of [
    ['true', undefined],
    ['"true"', undefined],
    ['"[parameters(\'defer\')]"', '"defer": { "type": "bool", "defaultValue": true }'],
  ] as const) {
    const text = deferred(value, parameters);
    const findings = findingsOf(text, RULE);
    assert.equal(findings.length, 1, value);
    const [f] = findings;
    assert.equal(f!.severity, 'info');
    assert.equal(textAt(text, f!), value);
    assert.equal(
      f!.message,
      'osRollingUpgradeDeferral is true, so each instance waits for an approveRollingUpgrade call before its automatic OS upgrade starts.',
    );
    assert.ok(f!.message.length <= 160);
    assert.match(fullText(f!), /Platform\.PendingOSUpgrade/);
    assert.match(fullText(f!), /documents no timeout/);
    assert.ok(f!.related.some((r) => r.message.includes('Automatic OS upgrade is turned on here')));
  }
});

test('aos-upgrade-deferral: silent when false or absent, when automatic OS upgrade is off, and when unknown', () => {
  assert.deepEqual(findingsOf(deferred('false'), RULE), []);
  assert.deepEqual(findingsOf(scaleSetTemplate({ apiVersion: '2024-03-01', upgradePolicy: aosPolicy('Rolling') }), RULE), []);
  const off = scaleSetTemplate({
    apiVersion: '2024-03-01',
    upgradePolicy:
      '{ "mode": "Rolling", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": false, "osRollingUpgradeDeferral": true } }',
  });
  assert.deepEqual(findingsOf(off, RULE), []);
  assert.deepEqual(findingsOf(deferred(UNKNOWN), RULE), []);
  const unknownAos = scaleSetTemplate({
    apiVersion: '2024-03-01',
    upgradePolicy: `{ "mode": "Rolling", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": ${UNKNOWN}, "osRollingUpgradeDeferral": true } }`,
  });
  assert.deepEqual(findingsOf(unknownAos, RULE), []);
});

test('aos-upgrade-deferral: the Bicep mirror gives the same finding on the same value', () => {
  const bicep = (value: string) => `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-03-01' = {
  name: 'vmss'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 10 }
  properties: {
    upgradePolicy: {
      mode: 'Rolling'
      automaticOSUpgradePolicy: {
        enableAutomaticOSUpgrade: true
        osRollingUpgradeDeferral: ${value}
      }
    }
  }
}
`;
  const text = bicep('true');
  const findings = ls.findProblems(bicepDocument(text), { rules: {} }).filter((f) => f.ruleId === RULE);
  assert.equal(findings.length, 1);
  assert.equal(text.substr(findings[0]!.span.offset, findings[0]!.span.length), 'true');
  assert.equal(findings[0]!.message, findingsOf(deferred('true'), RULE)[0]!.message);
  assert.deepEqual(
    ls.findProblems(bicepDocument(bicep('false')), { rules: {} }).filter((f) => f.ruleId === RULE),
    [],
  );
});
