// Reading the waits for approval from a template into the simulator's input: lifecycleHooksProfile,
// osRollingUpgradeDeferral and osImageNotificationProfile, the same from JSON and Bicep (one model).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simInputFromScaleSet } from '../../../../server/src/core/sim/fromScaleSet';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { bicepDocument, jsonDocument } from '../../../helpers/languageService';

/** The profile of the spec's example VirtualMachineScaleSet_Create_WithLifecycleHooksProfile.json (2025-11-01). */
const SPEC_HOOKS = '[{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "PT20M", "defaultAction": "Approve" }]';

function json(hooks: string, extra = ''): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "wait": { "type": "string", "defaultValue": "PT2H" } },
  "resources": [{
    "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2025-11-01", "name": "vmss", "location": "westeurope",
    "sku": { "name": "Standard_D2s_v5", "capacity": 10 },
    "properties": {
      "upgradePolicy": { "mode": "Rolling", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true${extra.includes('deferral') ? ', "osRollingUpgradeDeferral": true' : ''} } },
      "lifecycleHooksProfile": { "lifecycleHooks": ${hooks} },
      "virtualMachineProfile": {
        ${extra.includes('osImage') ? '"scheduledEventsProfile": { "osImageNotificationProfile": { "enable": true, "notBeforeTimeout": "PT15M" } },' : ''}
        "networkProfile": { "healthProbe": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/loadBalancers/lb/probes/p" } }
      }
    }
  }]
}`;
}

function bicep(hooks: string, extra = ''): string {
  return `param wait string = 'PT2H'
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2025-11-01' = {
  name: 'vmss'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 10 }
  properties: {
    upgradePolicy: {
      mode: 'Rolling'
      automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true${extra.includes('deferral') ? ', osRollingUpgradeDeferral: true' : ''} }
    }
    lifecycleHooksProfile: { lifecycleHooks: ${hooks} }
    virtualMachineProfile: {
      ${extra.includes('osImage') ? "scheduledEventsProfile: { osImageNotificationProfile: { enable: true, notBeforeTimeout: 'PT15M' } }" : ''}
      networkProfile: { healthProbe: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/loadBalancers/lb/probes/p' } }
    }
  }
}
`;
}

const fromJson = (hooks: string, extra = '', whatIf = {}) =>
  simInputFromScaleSet(jsonDocument(json(hooks, extra)).model.scaleSets[0]!, whatIf);
const fromBicep = (hooks: string, extra = '', whatIf = {}) =>
  simInputFromScaleSet(bicepDocument(bicep(hooks, extra)).model.scaleSets[0]!, whatIf);
const bicepHooks = (s: string) =>
  s
    .replace(/"/g, "'")
    .replace(/'(\w+)':/g, '$1:')
    .replace(/, (?=\w+:)/g, '\n');

test("the spec's example profile: a PT20M batch hook, from JSON and from Bicep alike", () => {
  for (const mapped of [fromJson(SPEC_HOOKS), fromBicep(bicepHooks(SPEC_HOOKS))]) {
    assert.deepEqual(mapped.input.approvals, {
      lifecycleHooks: [{ type: 'UpgradeAutoOSRollingBatchStarting', waitSeconds: 1200, defaultAction: 'Approve' }],
    });
    assert.equal(mapped.provenance['lifecycleHooks.UpgradeAutoOSRollingBatchStarting.waitDuration']?.origin, 'template');
    assert.equal(simulate(mapped.input).durationSeconds, 1500 + 5 * 1200);
  }
});

test('a parameter for waitDuration is evaluated (JSON and Bicep); the what-if answer is applied', () => {
  const hooks = '[{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "[parameters(\'wait\')]" }]';
  const j = fromJson(hooks, '', { approvedAfter: { UpgradeAutoOSRollingBatchStarting: 600 } });
  const b = fromBicep("[{ type: 'UpgradeAutoOSRollingBatchStarting', waitDuration: wait }]", '', {
    approvedAfter: { UpgradeAutoOSRollingBatchStarting: 600 },
  });
  for (const mapped of [j, b]) {
    const hook = mapped.input.approvals!.lifecycleHooks[0]!;
    assert.equal(hook.waitSeconds, 7200);
    assert.equal(hook.approvedAfterSeconds, 600);
    // defaultAction not set: the unverified default, said to be one with its source.
    assert.equal(hook.defaultAction, 'Approve');
    assert.equal(mapped.provenance['lifecycleHooks.UpgradeAutoOSRollingBatchStarting.defaultAction']?.assumed, true);
    assert.ok(mapped.input.approvals!.notes!.some((n) => n.includes('defaultAction taken as Approve') && n.includes('33328')));
    assert.equal(simulate(mapped.input).durationSeconds, 1500 + 5 * 600);
  }
});

test('no waitDuration: the unverified defaults, 1 h before the upgrade and 30 min before each batch, named with their source', () => {
  const hooks = '[{ "type": "UpgradeAutoOSScheduling" }, { "type": "UpgradeAutoOSRollingBatchStarting", "defaultAction": "Approve" }]';
  for (const mapped of [fromJson(hooks), fromBicep(bicepHooks(hooks))]) {
    const waits = mapped.input.approvals!.lifecycleHooks.map((h) => [h.type, h.waitSeconds]);
    assert.deepEqual(waits, [
      ['UpgradeAutoOSScheduling', 3600],
      ['UpgradeAutoOSRollingBatchStarting', 1800],
    ]);
    assert.match(
      mapped.assumed.join('\n'),
      /lifecycleHooks\.UpgradeAutoOSScheduling\.waitDuration: 3600 .*azure-cli issues 33328 and 33652/,
    );
    const run = simulate(mapped.input);
    assert.equal(run.durationSeconds, 3600 + 1500 + 5 * 1800);
    assert.ok(
      run.notes.some((n) => n.includes('waitDuration taken as 30 minutes, the default (azure-cli issues 33328 and 33652; unverified)')),
    );
  }
});

test('an expression that cannot be evaluated falls back to the default and says so', () => {
  const mapped = fromJson('[{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "[reference(\'x\').wait]" }]');
  const prov = mapped.provenance['lifecycleHooks.UpgradeAutoOSRollingBatchStarting.waitDuration']!;
  assert.equal(prov.assumed, true);
  assert.match(prov.note ?? '', /cannot be evaluated/);
  assert.equal(mapped.input.approvals!.lifecycleHooks[0]!.waitSeconds, 1800);
});

test('above the unverified maximum: simulated as written, with a note; an unknown type and a second hook of a type are not waited for', () => {
  const hooks =
    '[{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "PT6H" }, { "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "PT1M" }, { "type": "VMScaleSetVMDeleteStarting", "waitDuration": "PT1H" }]';
  for (const mapped of [fromJson(hooks), fromBicep(bicepHooks(hooks))]) {
    assert.deepEqual(
      mapped.input.approvals!.lifecycleHooks.map((h) => [h.type, h.waitSeconds]),
      [['UpgradeAutoOSRollingBatchStarting', 21600]],
    );
    assert.ok(mapped.input.approvals!.notes!.some((n) => n.includes('above the 4 hours maximum; simulated as written')));
  }
});

test('defaultAction Reject: the run stops at the first batch, Cancelled, the hook named', () => {
  const hooks = '[{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "PT30M", "defaultAction": "Reject" }]';
  for (const mapped of [fromJson(hooks), fromBicep(bicepHooks(hooks))]) {
    const run = simulate(mapped.input);
    assert.equal(run.status, 'Cancelled');
    assert.equal(run.rejectedBy, 'UpgradeAutoOSRollingBatchStarting');
    assert.ok(run.notes.some((n) => n.includes('Reject is said to fail with a server error during the private preview')));
  }
});

test('osRollingUpgradeDeferral and osImageNotificationProfile are read from JSON and Bicep alike', () => {
  for (const mapped of [
    fromJson('[]', 'deferral osImage', { approvedAfter: { deferral: 300 } }),
    fromBicep('[]', 'deferral osImage', { approvedAfter: { deferral: 300 } }),
  ]) {
    assert.deepEqual(mapped.input.approvals, {
      lifecycleHooks: [],
      deferral: { approvedAfterSeconds: 300 },
      osImageNotification: { notBeforeTimeoutSeconds: 900 },
    });
    assert.equal(mapped.provenance['automaticOSUpgradePolicy.osRollingUpgradeDeferral']?.value, true);
    assert.equal(simulate(mapped.input).durationSeconds, 1500 + 5 * (300 + 900));
  }
});

test('a template without waits has no approvals', () => {
  const mapped = fromJson('[]');
  assert.equal(mapped.input.approvals, undefined);
});
