import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestName, findPolicyProperty, placementsOf, POLICY_OBJECTS, propertyNames } from '../../../../server/src/core/catalog';
import { parseApiVersion } from '../../../../server/src/core/catalog/apiVersions';

test('the catalog has every property of the reference §1', () => {
  assert.deepEqual(propertyNames('upgradePolicy', { includeLegacy: true }), [
    'mode',
    'rollingUpgradePolicy',
    'automaticOSUpgradePolicy',
    'automaticOSUpgrade',
    'autoOSUpgradePolicy',
  ]);
  assert.deepEqual(propertyNames('rollingUpgradePolicy'), [
    'maxBatchInstancePercent',
    'maxUnhealthyInstancePercent',
    'maxUnhealthyUpgradedInstancePercent',
    'pauseTimeBetweenBatches',
    'enableCrossZoneUpgrade',
    'prioritizeUnhealthyInstances',
    'rollbackFailedInstancesOnPolicyBreach',
    'maxSurge',
  ]);
  assert.deepEqual(propertyNames('automaticOSUpgradePolicy'), [
    'enableAutomaticOSUpgrade',
    'disableAutomaticRollback',
    'useRollingUpgradePolicy',
    'osRollingUpgradeDeferral',
  ]);
  assert.deepEqual(propertyNames('autoOSUpgradePolicy', { includeLegacy: true }), ['disableAutoRollback']);
});

test('ranges, defaults and versions match the reference', () => {
  const rolling = (name: string) => findPolicyProperty('rollingUpgradePolicy', name)!.property;
  assert.deepEqual(
    [rolling('maxBatchInstancePercent').minimum, rolling('maxBatchInstancePercent').maximum, rolling('maxBatchInstancePercent').default],
    [5, 100, 20],
  );
  assert.deepEqual([rolling('maxUnhealthyInstancePercent').minimum, rolling('maxUnhealthyInstancePercent').maximum], [5, 100]);
  assert.deepEqual(
    [rolling('maxUnhealthyUpgradedInstancePercent').minimum, rolling('maxUnhealthyUpgradedInstancePercent').maximum],
    [0, 100],
  );
  assert.equal(rolling('pauseTimeBetweenBatches').default, 'PT0S');
  assert.equal(rolling('maxSurge').since, '2022-11-01');
  assert.equal(rolling('enableCrossZoneUpgrade').since, '2020-12-01');
  assert.equal(findPolicyProperty('automaticOSUpgradePolicy', 'osRollingUpgradeDeferral')!.property.since, '2023-09-01');
  assert.equal(findPolicyProperty('upgradePolicy', 'mode')!.property.default, 'Manual');
  assert.equal(findPolicyProperty('upgradePolicy', 'automaticOSUpgrade')!.property.removedIn, '2018-10-01');
});

test('every property has a description, a learn.microsoft.com link, sources and a valid since', () => {
  for (const object of Object.values(POLICY_OBJECTS)) {
    for (const p of object.properties) {
      assert.ok(p.description.length > 20, p.name);
      assert.match(p.docs, /^https:\/\/learn\.microsoft\.com\/azure\/virtual-machine-scale-sets\//, p.name);
      assert.ok(p.sources.length > 0, p.name);
      assert.ok(parseApiVersion(p.since), p.name);
      if (p.type === 'enum') assert.ok(p.enumValues?.length, p.name);
      if (p.type === 'object') assert.ok(p.object && POLICY_OBJECTS[p.object], p.name);
      if (p.removedIn) assert.ok(p.replacedBy?.length, `${p.name} says what replaces it`);
    }
  }
});

test('lookups match names the way ARM does', () => {
  assert.deepEqual(findPolicyProperty('rollingUpgradePolicy', 'maxSurge')?.exactCase, true);
  assert.deepEqual(findPolicyProperty('rollingUpgradePolicy', 'MaxSurge')?.exactCase, false);
  assert.equal(findPolicyProperty('rollingUpgradePolicy', 'MaxSurge')?.property.name, 'maxSurge');
  assert.equal(findPolicyProperty('rollingUpgradePolicy', 'surge'), undefined);
  assert.deepEqual(
    placementsOf('enableAutomaticOSUpgrade').map((p) => p.objectId),
    ['automaticOSUpgradePolicy'],
  );
  assert.deepEqual(placementsOf('nonsense'), []);
});

test('closest names catch typos and missing prefixes, not unrelated words', () => {
  const rolling = propertyNames('rollingUpgradePolicy');
  assert.equal(closestName('BatchInstancePercent', rolling), 'maxBatchInstancePercent');
  assert.equal(closestName('maxBatchInstancePercnet', rolling), 'maxBatchInstancePercent');
  assert.equal(closestName('pauseTime', rolling), 'pauseTimeBetweenBatches');
  assert.equal(closestName('Rollng', ['Automatic', 'Manual', 'Rolling']), 'Rolling');
  assert.equal(closestName('color', rolling), undefined);
  assert.equal(closestName('', rolling), undefined);
});

test('RollingBack is a status code from API 2026-04-01 on', async () => {
  const { rollingUpgradeStatusCodes } = await import('../../../../server/src/core/catalog');
  assert.ok(!rollingUpgradeStatusCodes('2026-03-01').includes('RollingBack'));
  assert.deepEqual(rollingUpgradeStatusCodes('2026-04-01'), ['RollingForward', 'Cancelled', 'Completed', 'Faulted', 'RollingBack']);
  assert.ok(rollingUpgradeStatusCodes(undefined).includes('RollingBack'));
});

test('the 2026 objects: external health ranges, hook types, repairs, and where each object sits', async () => {
  const { POLICY_OBJECT_PATHS } = await import('../../../../server/src/core/catalog');
  const external = (name: string) => findPolicyProperty('externalHealthPolicy', name)!.property;
  assert.deepEqual([external('expiryDuration').minimumDuration, external('expiryDuration').maximumDuration], ['PT5M', 'PT3H']);
  assert.deepEqual([external('gracePeriod').minimumDuration, external('gracePeriod').maximumDuration], ['PT5M', 'PT4H']);
  assert.equal(external('enabled').since, '2025-11-01');
  assert.deepEqual(findPolicyProperty('lifecycleHook', 'type')!.property.enumValues, [
    'UpgradeAutoOSScheduling',
    'UpgradeAutoOSRollingBatchStarting',
  ]);
  const repairs = (name: string) => findPolicyProperty('automaticRepairsPolicy', name)!.property;
  assert.deepEqual([repairs('gracePeriod').minimumDuration, repairs('gracePeriod').maximumDuration], ['PT10M', 'PT90M']);
  assert.equal(repairs('repairAction').default, 'Replace');
  const paths = new Map(POLICY_OBJECT_PATHS.map(([path, id]) => [id, path.join('.')]));
  assert.equal(paths.get('lifecycleHook'), 'properties.lifecycleHooksProfile.lifecycleHooks.*');
  assert.equal(
    paths.get('osImageNotificationProfile'),
    'properties.virtualMachineProfile.scheduledEventsProfile.osImageNotificationProfile',
  );
  assert.equal(
    paths.get('maxInstancePercentPerZonePolicy'),
    'properties.resiliencyPolicy.zoneAllocationPolicy.maxInstancePercentPerZonePolicy',
  );
  // misplaced-policy moves names among the upgrade-policy objects only.
  assert.deepEqual(placementsOf('enabled'), []);
});
