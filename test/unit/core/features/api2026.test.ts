// Completion and hover of the 2023-07-01 … 2026-04-01 scale-set settings, by the resource's apiVersion, in JSON and Bicep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor } from '../../../helpers/cursor';
import { templateWith } from '../../../helpers/armTemplates';
import { bicepDocument, jsonDocument, ls } from '../../../helpers/languageService';
import type { TemplateDocument } from '../../../../server/src/core/languageService';

function labelsIn(doc: TemplateDocument, offset: number): string[] {
  return ls.doComplete(doc, doc.lines.positionAt(offset)).items.map((i) => i.label);
}
function jsonLabels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return labelsIn(jsonDocument(text), offset);
}
function bicepLabels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return labelsIn(bicepDocument(text), offset);
}
function jsonHover(marked: string): string | undefined {
  const { text, offset } = cursor(marked);
  const doc = jsonDocument(text);
  const result = ls.doHover(doc, doc.lines.positionAt(offset));
  return result ? (result.contents as { value: string }).value : undefined;
}
function bicepHover(marked: string): string | undefined {
  const { text, offset } = cursor(marked);
  const doc = bicepDocument(text);
  const result = ls.doHover(doc, doc.lines.positionAt(offset));
  return result ? (result.contents as { value: string }).value : undefined;
}
const bicep = (apiVersion: string, inner: string) => `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@${apiVersion}' = {
  name: 'web'
  properties: {
    ${inner}
  }
}
`;

test('scale-set properties: externalHealthPolicy and lifecycleHooksProfile are offered from 2025-11-01 on', () => {
  const old = jsonLabels(templateWith('{ "upgradePolicy": {}, | }', { apiVersion: '2024-07-01' }));
  assert.ok(!old.includes('externalHealthPolicy') && !old.includes('lifecycleHooksProfile'));
  assert.ok(old.includes('scheduledEventsPolicy'));
  for (const apiVersion of ['2025-11-01', '2026-04-01']) {
    const now = jsonLabels(templateWith('{ "upgradePolicy": {}, | }', { apiVersion }));
    assert.ok(now.includes('externalHealthPolicy') && now.includes('lifecycleHooksProfile'), apiVersion);
  }
  const inBicep = bicepLabels(bicep('2025-11-01', 'upgradePolicy: {}\n    |'));
  assert.ok(inBicep.includes('externalHealthPolicy') && inBicep.includes('lifecycleHooksProfile'), inBicep.join(', '));
  assert.ok(!bicepLabels(bicep('2024-07-01', 'upgradePolicy: {}\n    |')).includes('lifecycleHooksProfile'));
});

test('inside the new objects: their members, hook types and durations in range', () => {
  assert.deepEqual(jsonLabels(templateWith('{ "externalHealthPolicy": { | } }', { apiVersion: '2025-11-01' })), [
    'enabled',
    'expiryDuration',
    'gracePeriod',
  ]);
  assert.deepEqual(jsonLabels(templateWith('{ "lifecycleHooksProfile": { "lifecycleHooks": [ { | } ] } }', { apiVersion: '2025-11-01' })), [
    'type',
    'waitDuration',
    'defaultAction',
  ]);
  assert.deepEqual(
    jsonLabels(templateWith('{ "lifecycleHooksProfile": { "lifecycleHooks": [ { "type": | } ] } }', { apiVersion: '2025-11-01' })),
    ['UpgradeAutoOSScheduling', 'UpgradeAutoOSRollingBatchStarting'],
  );
  // expiryDuration is PT5M–PT3H: no 0 s or 1 minute, and the upper end offered.
  const expiry = jsonLabels(templateWith('{ "externalHealthPolicy": { "expiryDuration": | } }', { apiVersion: '2025-11-01' }));
  assert.deepEqual(expiry, ['PT5M', 'PT10M', 'PT15M', 'PT30M', 'PT1H', 'PT3H']);
  assert.deepEqual(
    jsonLabels(
      templateWith(
        '{ "virtualMachineProfile": { "scheduledEventsProfile": { "osImageNotificationProfile": { "notBeforeTimeout": | } } } }',
      ),
    ),
    ['PT15M'],
  );
  assert.deepEqual(bicepLabels(bicep('2025-11-01', 'externalHealthPolicy: {\n      |\n    }')), [
    'enabled',
    'expiryDuration',
    'gracePeriod',
  ]);
});

test('hover documents the new properties with range, version and what is not settled', () => {
  const expiry = jsonHover(templateWith('{ "externalHealthPolicy": { "expiry|Duration": "PT10M" } }', { apiVersion: '2025-11-01' }))!;
  assert.match(expiry, /\*\*expiryDuration\*\*/);
  assert.match(expiry, /duration · PT5M–PT3H · since API 2025-11-01/);
  assert.match(expiry, /5 minutes to 3 hours/);
  const wait = jsonHover(
    templateWith('{ "lifecycleHooksProfile": { "lifecycleHooks": [ { "wait|Duration": "PT20M" } ] } }', { apiVersion: '2025-11-01' }),
  )!;
  assert.match(wait, /Not settled by Azure's documentation:\* The spec gives no default or maximum/);
  const repairs = bicepHover(bicep('2024-07-01', "automaticRepairsPolicy: {\n      repair|Action: 'Replace'\n    }"))!;
  assert.match(repairs, /Replace \| Restart \| Reimage · default Replace · since API 2021-11-01/);
});

test('zone and scheduled-event settings: completion by apiVersion, in JSON and Bicep', () => {
  // scheduledEventsPolicy and zonalPlatformFaultDomainAlignMode from 2024-07-01, zoneAllocationPolicy from 2025-04-01.
  const at = (apiVersion: string) => jsonLabels(templateWith('{ "upgradePolicy": {}, | }', { apiVersion }));
  assert.ok(!at('2024-03-01').includes('scheduledEventsPolicy') && !at('2024-03-01').includes('zonalPlatformFaultDomainAlignMode'));
  assert.ok(at('2024-07-01').includes('zonalPlatformFaultDomainAlignMode'));
  const resiliency = (apiVersion: string) => jsonLabels(templateWith('{ "resiliencyPolicy": { | } }', { apiVersion }));
  assert.ok(!resiliency('2024-11-01').includes('zoneAllocationPolicy'), resiliency('2024-11-01').join(', '));
  assert.ok(
    resiliency('2025-04-01').includes('zoneAllocationPolicy') && resiliency('2025-04-01').includes('automaticZoneRebalancingPolicy'),
  );
  assert.deepEqual(jsonLabels(templateWith('{ "resiliencyPolicy": { "zoneAllocationPolicy": { | } } }', { apiVersion: '2026-04-01' })), [
    'maxZoneCount',
    'maxInstancePercentPerZonePolicy',
  ]);
  const scheduled = (apiVersion: string) => jsonLabels(templateWith('{ "scheduledEventsPolicy": { | } }', { apiVersion }));
  assert.ok(!scheduled('2024-07-01').includes('allInstancesDown'));
  assert.ok(scheduled('2025-04-01').includes('allInstancesDown') && scheduled('2025-04-01').includes('userInitiatedReboot'));
  // BestEffortAligned arrived in 2025-11-01.
  const align = (apiVersion: string) => jsonLabels(templateWith('{ "zonalPlatformFaultDomainAlignMode": | }', { apiVersion }));
  assert.ok(!align('2024-11-01').includes('BestEffortAligned') && align('2024-11-01').includes('Aligned'), align('2024-11-01').join(', '));
  assert.ok(align('2025-11-01').includes('BestEffortAligned'));
  const inBicep = bicepLabels(bicep('2025-04-01', 'resiliencyPolicy: {\n      |\n    }'));
  assert.ok(inBicep.includes('zoneAllocationPolicy'), inBicep.join(', '));
  assert.ok(!bicepLabels(bicep('2024-11-01', 'resiliencyPolicy: {\n      |\n    }')).includes('zoneAllocationPolicy'));
  assert.ok(bicepLabels(bicep('2024-07-01', 'upgradePolicy: {}\n    |')).includes('scheduledEventsPolicy'));
});

test('zone and scheduled-event settings: hover documents them, with their version, in JSON and Bicep', () => {
  const align = jsonHover(templateWith('{ "zonalPlatform|FaultDomainAlignMode": "Aligned" }', { apiVersion: '2025-11-01' }))!;
  assert.match(align, /\*\*zonalPlatformFaultDomainAlignMode\*\*/);
  assert.match(align, /Aligned \| Unaligned \| BestEffortAligned/);
  assert.match(align, /since API 2024-07-01/);
  const zones = jsonHover(
    templateWith('{ "resiliencyPolicy": { "zoneAllocationPolicy": { "maxZone|Count": 2 } } }', { apiVersion: '2025-04-01' }),
  )!;
  assert.match(zones, /\*\*maxZoneCount\*\*/);
  assert.match(zones, /since API 2025-04-01/);
  const down = bicepHover(
    bicep('2025-04-01', 'scheduledEventsPolicy: {\n      allInstances|Down: {\n        automaticallyApprove: true\n      }\n    }'),
  )!;
  assert.match(down, /\*\*allInstancesDown\*\*/);
  assert.match(down, /since API 2025-04-01/);
  const notBefore = bicepHover(
    bicep(
      '2025-11-01',
      "virtualMachineProfile: {\n      scheduledEventsProfile: {\n        osImageNotificationProfile: {\n          notBefore|Timeout: 'PT15M'\n        }\n      }\n    }",
    ),
  )!;
  assert.match(notBefore, /must be 15 minutes/);
});
