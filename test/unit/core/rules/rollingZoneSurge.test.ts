import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { aosPolicy, scaleSetTemplate, UNKNOWN } from './aosHarness';

const policy = (flags: string, aos = false) =>
  aos
    ? aosPolicy('Rolling', '"useRollingUpgradePolicy": true', `"rollingUpgradePolicy": { ${flags} }`)
    : `{
  "mode": "Rolling",
  "rollingUpgradePolicy": {
    // flags under test
    ${flags}
  }
}`;

test('cross-zone-without-zones: enableCrossZoneUpgrade without zones is a warning; the fix removes it', () => {
  const text = scaleSetTemplate({ upgradePolicy: policy('"maxBatchInstancePercent": 20, "enableCrossZoneUpgrade": true') });
  const [finding] = findingsOf(text, 'cross-zone-without-zones');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(fullText(finding!), /cross_zone_upgrades_enabled` can only be set to `true` when `zones` is specified/);
  const fixed = fixAndRecheck(text, 'cross-zone-without-zones');
  assert.ok(!/enableCrossZoneUpgrade/.test(fixed) && fixed.includes('"maxBatchInstancePercent": 20'));
});

test('cross-zone-without-zones: an empty zones array counts as no zones', () => {
  const text = scaleSetTemplate({ resource: '"zones": [],', upgradePolicy: policy('"enableCrossZoneUpgrade": true') });
  assert.match(fullText(findingsOf(text, 'cross-zone-without-zones')[0]!), /zones is empty/);
});

test('cross-zone-without-zones: silent with zones, when false, and for unknown zones or flags', () => {
  assert.deepEqual(
    findingsOf(
      scaleSetTemplate({ resource: '"zones": ["1", "2"],', upgradePolicy: policy('"enableCrossZoneUpgrade": true') }),
      'cross-zone-without-zones',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: policy('"enableCrossZoneUpgrade": false') }), 'cross-zone-without-zones'),
    [],
  );
  assert.deepEqual(
    findingsOf(
      scaleSetTemplate({ resource: `"zones": ${UNKNOWN},`, upgradePolicy: policy('"enableCrossZoneUpgrade": true') }),
      'cross-zone-without-zones',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: policy(`"enableCrossZoneUpgrade": ${UNKNOWN}`) }), 'cross-zone-without-zones'),
    [],
  );
});

test('max-surge-overprovision: maxSurge with overprovision true is a warning; the fix sets it false', () => {
  const text = scaleSetTemplate({ overprovision: 'true', upgradePolicy: policy('"maxSurge": true') });
  const [finding] = findingsOf(text, 'max-surge-overprovision');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), 'true');
  assert.ok(finding!.span.offset > text.indexOf('maxSurge'));
  assert.match(fullText(finding!), /maximum_surge_instances_enabled.*Whether Azure itself rejects the combination is not documented/);
  assert.ok(fixAndRecheck(text, 'max-surge-overprovision').includes('"overprovision": false'));
});

test('max-surge-overprovision: absent overprovision defaults to true on Uniform; the fix inserts false', () => {
  const text = scaleSetTemplate({ overprovision: null, upgradePolicy: policy('"maxSurge": true') });
  assert.match(fullText(findingsOf(text, 'max-surge-overprovision')[0]!), /overprovision is not set, so it is true:/);
  assert.match(fixAndRecheck(text, 'max-surge-overprovision'), /"overprovision": false/);
});

test('max-surge-overprovision: silent with overprovision false, on Flexible without it, without maxSurge, or unknown', () => {
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: policy('"maxSurge": true') }), 'max-surge-overprovision'), []);
  assert.deepEqual(
    findingsOf(
      scaleSetTemplate({ overprovision: null, properties: '"orchestrationMode": "Flexible",', upgradePolicy: policy('"maxSurge": true') }),
      'max-surge-overprovision',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ overprovision: 'true', upgradePolicy: policy('"maxSurge": false') }), 'max-surge-overprovision'),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ overprovision: UNKNOWN, upgradePolicy: policy('"maxSurge": true') }), 'max-surge-overprovision'),
    [],
  );
});

const flexible = '"orchestrationMode": "Flexible",';

test('max-surge-aos-flexible: maxSurge with AOS on Flexible is a warning; the fix sets maxSurge false', () => {
  const text = scaleSetTemplate({ properties: flexible, upgradePolicy: policy('"maxSurge": true', true) });
  const [finding] = findingsOf(text, 'max-surge-aos-flexible');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(fullText(finding!), /not yet supported for Flexible orchestration, so OS upgrades at best upgrade instances in place/);
  assert.equal(finding!.related.length, 2);
  assert.ok(fixAndRecheck(text, 'max-surge-aos-flexible').includes('"maxSurge": false'));
});

test('max-surge-aos-flexible: silent on Uniform, without AOS, without maxSurge, or unknown', () => {
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: policy('"maxSurge": true', true) }), 'max-surge-aos-flexible'), []);
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ properties: flexible, upgradePolicy: policy('"maxSurge": true') }), 'max-surge-aos-flexible'),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ properties: flexible, upgradePolicy: policy('"maxSurge": false', true) }), 'max-surge-aos-flexible'),
    [],
  );
  assert.deepEqual(
    findingsOf(
      scaleSetTemplate({ properties: `"orchestrationMode": ${UNKNOWN},`, upgradePolicy: policy('"maxSurge": true', true) }),
      'max-surge-aos-flexible',
    ),
    [],
  );
});

test('rollback-on-breach-flexible: the Uniform-only flag on Flexible is a warning; the fix removes it', () => {
  const text = scaleSetTemplate({
    properties: flexible,
    upgradePolicy: policy('"rollbackFailedInstancesOnPolicyBreach": true, "maxBatchInstancePercent": 20'),
  });
  const [finding] = findingsOf(text, 'rollback-on-breach-flexible');
  assert.equal(finding!.severity, 'warning');
  assert.match(fullText(finding!), /"Uniform Orchestration only":/);
  const fixed = fixAndRecheck(text, 'rollback-on-breach-flexible');
  assert.ok(!fixed.includes('rollbackFailedInstancesOnPolicyBreach') && fixed.includes('"maxBatchInstancePercent": 20'));
});

test('rollback-on-breach-flexible: silent on Uniform, when false, and for unknown values', () => {
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: policy('"rollbackFailedInstancesOnPolicyBreach": true') }), 'rollback-on-breach-flexible'),
    [],
  );
  assert.deepEqual(
    findingsOf(
      scaleSetTemplate({ properties: flexible, upgradePolicy: policy('"rollbackFailedInstancesOnPolicyBreach": false') }),
      'rollback-on-breach-flexible',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(
      scaleSetTemplate({ properties: flexible, upgradePolicy: policy(`"rollbackFailedInstancesOnPolicyBreach": ${UNKNOWN}`) }),
      'rollback-on-breach-flexible',
    ),
    [],
  );
});
