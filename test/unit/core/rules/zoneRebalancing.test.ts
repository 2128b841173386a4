// zone-rebalancing-requires-health: automatic zone rebalancing (resiliencyPolicy, Compute API 2024-11-01) needs a health source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt } from './harness';
import { appHealth, scaleSetTemplate, UNKNOWN } from './healthFixtures';

const REBALANCE =
  '"resiliencyPolicy": { "automaticZoneRebalancingPolicy": { "enabled": true, "rebalanceStrategy": "Recreate", "rebalanceBehavior": "CreateBeforeDelete" } }';
const at2025 = (text: string) => text.replace(/"apiVersion": "[^"]+"/, '"apiVersion": "2025-11-01"');

test('zone-rebalancing-requires-health: on without a health source', () => {
  const text = at2025(scaleSetTemplate({ properties: [REBALANCE] }));
  const [finding] = findingsOf(text, 'zone-rebalancing-requires-health');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(
    finding!.message,
    /has automatic zone rebalancing on but has no health probe or Application Health extension, so rebalancing cannot check its new VMs/,
  );
  assert.ok(fixAndRecheck(text, 'zone-rebalancing-requires-health').includes('ApplicationHealthLinux'));
});

test('zone-rebalancing-requires-health: silent with the extension or external health, when off, and when unknown', () => {
  assert.deepEqual(
    findingsOf(at2025(scaleSetTemplate({ properties: [REBALANCE], extensions: [appHealth()] })), 'zone-rebalancing-requires-health'),
    [],
  );
  const external = '"externalHealthPolicy": { "enabled": true }';
  assert.deepEqual(findingsOf(at2025(scaleSetTemplate({ properties: [REBALANCE, external] })), 'zone-rebalancing-requires-health'), []);
  const off = REBALANCE.replace('"enabled": true', '"enabled": false');
  assert.deepEqual(findingsOf(at2025(scaleSetTemplate({ properties: [off] })), 'zone-rebalancing-requires-health'), []);
  const unknown = REBALANCE.replace('"enabled": true', `"enabled": ${UNKNOWN}`);
  assert.deepEqual(findingsOf(at2025(scaleSetTemplate({ properties: [unknown] })), 'zone-rebalancing-requires-health'), []);
  const whole = `"resiliencyPolicy": ${UNKNOWN}`;
  assert.deepEqual(findingsOf(at2025(scaleSetTemplate({ properties: [whole] })), 'zone-rebalancing-requires-health'), []);
});
