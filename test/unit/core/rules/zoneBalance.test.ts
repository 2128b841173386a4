// zone-balance-without-zones: zoneBalance only with more than one zone (Compute API 2026-04-01, ZoneBalance's description).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTemplate, findingsOf, fixAndRecheck, textAt } from './harness';

const template = (zones: string | undefined, zoneBalance = 'true', parameters?: string) =>
  buildTemplate({
    comment: 'Zone balance.',
    skuComment: 'ten VMs',
    resourceLines: zones === undefined ? [] : [`"zones": ${zones},`],
    parameters,
    properties: [`"zoneBalance": ${zoneBalance}`, '"upgradePolicy": { "mode": "Manual" }'],
  });

test('zone-balance-without-zones: one zone, no zones, an empty list', () => {
  const one = template('["1"]');
  const [finding] = findingsOf(one, 'zone-balance-without-zones');
  assert.equal(textAt(one, finding!), '"zoneBalance"');
  assert.ok(finding!.message.length <= 160);
  assert.match(
    finding!.message,
    /zoneBalance is set, but the scale set has one zone; the Compute API allows it only with more than one zone/,
  );
  assert.ok(!fixAndRecheck(one, 'zone-balance-without-zones').includes('zoneBalance'));
  assert.match(findingsOf(template(undefined, 'false'), 'zone-balance-without-zones')[0]!.message, /has no zones/);
  assert.equal(findingsOf(template('[]'), 'zone-balance-without-zones').length, 1);
});

test('zone-balance-without-zones: silent with two zones or more, null, and zones or value from an unknown expression', () => {
  assert.deepEqual(findingsOf(template('["1", "2"]'), 'zone-balance-without-zones'), []);
  assert.deepEqual(findingsOf(template('["1"]', 'null'), 'zone-balance-without-zones'), []);
  const unknownZones = template(`"[parameters('zones')]"`, 'true', '"zones": { "type": "array" }');
  assert.deepEqual(findingsOf(unknownZones, 'zone-balance-without-zones'), []);
  const unknownValue = template('["1"]', `"[parameters('balance')]"`, '"balance": { "type": "bool" }');
  assert.deepEqual(findingsOf(unknownValue, 'zone-balance-without-zones'), []);
});
