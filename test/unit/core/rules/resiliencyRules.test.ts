// Zone rebalancing and repairs settings (issue 18 item 4): zone-rebalancing-without-zones, unlisted-enum-value
// (repairAction, rebalanceStrategy, rebalanceBehavior), and the health rules on the API spec's example bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { runRules } from '../../../../server/src/core/rules';
import { buildTemplate, findingsOf, fixAndRecheck, fullText, textAt } from './harness';

/**
 * The external health policy of the API's example VirtualMachineScaleSet_Create_WithExternalHealthPolicy.json
 * (Azure/azure-rest-api-specs …/Compute/stable/2025-11-01/examples/virtualMachineScaleSetExamples @ 9a69dbbf), verbatim,
 * as the health source; the rebalancing policy as Learn's automatic zone balance page writes it.
 */
const SPEC_EXTERNAL = '"externalHealthPolicy": { "enabled": true, "expiryDuration": "PT10M", "gracePeriod": "PT4H" }';
const REBALANCE =
  '"resiliencyPolicy": { "automaticZoneRebalancingPolicy": { "enabled": true, "rebalanceStrategy": "Recreate", "rebalanceBehavior": "CreateBeforeDelete" } }';

const template = (zones: string | undefined, properties: readonly string[] = [REBALANCE, SPEC_EXTERNAL], parameters?: string) =>
  buildTemplate({
    comment: 'Zone rebalancing.',
    apiVersion: '2025-11-01',
    skuComment: 'ten VMs',
    resourceLines: zones === undefined ? [] : [`"zones": ${zones},`],
    parameters,
    properties: ['"upgradePolicy": { "mode": "Manual" }', ...properties],
  });

test('zone-rebalancing-without-zones: rebalancing on with one zone or none', () => {
  const one = template('["1"]');
  const [finding] = findingsOf(one, 'zone-rebalancing-without-zones');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(one, finding!), 'true');
  assert.ok(finding!.message.length <= 160);
  assert.match(
    finding!.message,
    /Automatic zone rebalancing is on, but the scale set has one zone, so there is no other zone to move VMs to\./,
  );
  assert.match(fullText(finding!), /Whether Azure rejects the deployment or accepts the setting and never rebalances is not documented/);
  assert.equal(finding!.related.length, 1);
  assert.match(findingsOf(template(undefined), 'zone-rebalancing-without-zones')[0]!.message, /has no zones/);
  assert.equal(findingsOf(template('[]'), 'zone-rebalancing-without-zones').length, 1);
  // The health requirement is its own rule: with the spec's external health there is none of that here.
  assert.deepEqual(findingsOf(one, 'zone-rebalancing-requires-health'), []);
});

test('zone-rebalancing-without-zones: silent with two zones, when off, and when the zones or the switch are unknown', () => {
  assert.deepEqual(findingsOf(template('["1", "2", "3"]'), 'zone-rebalancing-without-zones'), []);
  assert.deepEqual(
    findingsOf(template('["1"]', [REBALANCE.replace('"enabled": true', '"enabled": false')]), 'zone-rebalancing-without-zones'),
    [],
  );
  assert.deepEqual(
    findingsOf(
      template('["1"]', ['"resiliencyPolicy": { "resilientVMCreationPolicy": { "enabled": true } }']),
      'zone-rebalancing-without-zones',
    ),
    [],
  );
  const unknownZones = template(`"[parameters('zones')]"`, [REBALANCE], '"zones": { "type": "array" }');
  assert.deepEqual(findingsOf(unknownZones, 'zone-rebalancing-without-zones'), []);
  const oneUnknownZone = template(`["1", "[parameters('zone')]"]`, [REBALANCE], '"zone": { "type": "string" }');
  assert.deepEqual(findingsOf(oneUnknownZone, 'zone-rebalancing-without-zones'), []);
  const unknownSwitch = template(
    '["1"]',
    [REBALANCE.replace('"enabled": true', `"enabled": "[parameters('on')]"`)],
    '"on": { "type": "bool" }',
  );
  assert.deepEqual(findingsOf(unknownSwitch, 'zone-rebalancing-without-zones'), []);
  const unknownPolicy = template('["1"]', [`"resiliencyPolicy": "[parameters('resiliency')]"`], '"resiliency": { "type": "object" }');
  assert.deepEqual(findingsOf(unknownPolicy, 'zone-rebalancing-without-zones'), []);
});

test('zone-rebalancing-without-zones and zone-rebalancing-requires-health: the Bicep mirror gives the same findings', () => {
  const bicep = (zones: string) => `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2025-11-01' = {
  name: 'vmss1'
  location: 'westeurope'
  zones: ${zones}
  sku: {
    name: 'Standard_D2s_v3'
    capacity: 10
  }
  properties: {
    upgradePolicy: {
      mode: 'Manual'
    }
    resiliencyPolicy: {
      automaticZoneRebalancingPolicy: {
        enabled: true
        rebalanceStrategy: 'Recreate'
        rebalanceBehavior: 'CreateBeforeDelete'
      }
    }
  }
}
`;
  const ids = (text: string) =>
    runRules(analyzeBicep(text), text)
      .map((f) => f.ruleId)
      .filter((id) => id.startsWith('zone-rebalancing'))
      .sort();
  const json = (zones: string) =>
    findingsOf(template(zones, [REBALANCE]), 'zone-rebalancing-without-zones')
      .concat(findingsOf(template(zones, [REBALANCE]), 'zone-rebalancing-requires-health'))
      .map((f) => f.ruleId)
      .sort();
  assert.deepEqual(ids(bicep("[\n    '1'\n  ]")), ['zone-rebalancing-requires-health', 'zone-rebalancing-without-zones']);
  assert.deepEqual(ids(bicep("[\n    '1'\n  ]")), json('["1"]'));
  assert.deepEqual(ids(bicep("[\n    '1'\n    '2'\n  ]")), ['zone-rebalancing-requires-health']);
  assert.deepEqual(ids(bicep("[\n    '1'\n    '2'\n  ]")), json('["1", "2"]'));
});

test('unlisted-enum-value: a repairAction outside Replace, Restart, Reimage is a warning with fixes', () => {
  const text = template(undefined, [
    '"automaticRepairsPolicy": { "enabled": true, "gracePeriod": "PT30M", "repairAction": "Redeploy" }',
    SPEC_EXTERNAL,
  ]);
  const [finding] = findingsOf(text, 'unlisted-enum-value');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), '"Redeploy"');
  assert.match(
    finding!.message,
    /"Redeploy" is not a repairAction the Compute API lists \(Replace, Restart, Reimage\), so Azure may reject it\./,
  );
  assert.match(fullText(finding!), /The API declares the list open/);
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Change to "Replace"', 'Change to "Restart"', 'Change to "Reimage"'],
  );
  assert.ok(fixAndRecheck(text, 'unlisted-enum-value', /Restart/).includes('"repairAction": "Restart"'));
  // rebalanceStrategy and rebalanceBehavior are open enums with one value each.
  const rebalance = template('["1", "2"]', [REBALANCE.replace('"Recreate"', '"Move"'), SPEC_EXTERNAL]);
  assert.deepEqual(
    findingsOf(rebalance, 'unlisted-enum-value').map((f) => textAt(rebalance, f)),
    ['"Move"'],
  );
});

test('unlisted-enum-value: silent for listed values in any case, unknown values, and lifecycle hooks (their own rule)', () => {
  for (const action of ['Replace', 'restart', 'REIMAGE'])
    assert.deepEqual(
      findingsOf(
        template(undefined, [`"automaticRepairsPolicy": { "enabled": true, "repairAction": "${action}" }`, SPEC_EXTERNAL]),
        'unlisted-enum-value',
      ),
      [],
      action,
    );
  const unknown = template(
    undefined,
    [`"automaticRepairsPolicy": { "enabled": true, "repairAction": "[parameters('action')]" }`, SPEC_EXTERNAL],
    '"action": { "type": "string" }',
  );
  assert.deepEqual(findingsOf(unknown, 'unlisted-enum-value'), []);
  const hooks = template(undefined, [
    '"lifecycleHooksProfile": { "lifecycleHooks": [{ "type": "VMScaleSetVMDeleteStarting", "waitDuration": "PT20M" }] }',
  ]);
  assert.deepEqual(findingsOf(hooks, 'unlisted-enum-value'), []);
  assert.equal(findingsOf(hooks, 'lifecycle-hook-settings').length, 1);
});

test('repairs: gracePeriod in range PT10M–PT90M, and every health source satisfies repairs-require-health', () => {
  const repairs = (grace: string, extra: readonly string[] = [SPEC_EXTERNAL]) =>
    template(undefined, [`"automaticRepairsPolicy": { "enabled": true, "gracePeriod": "${grace}", "repairAction": "Replace" }`, ...extra]);
  assert.deepEqual(findingsOf(repairs('PT10M'), 'value-out-of-range'), []);
  assert.deepEqual(findingsOf(repairs('PT90M'), 'value-out-of-range'), []);
  assert.match(
    findingsOf(repairs('PT2H'), 'value-out-of-range')[0]!.message,
    /gracePeriod is "PT2H" \(2 hours\); the Compute API states PT10M to PT90M/,
  );
  assert.ok(fixAndRecheck(repairs('PT2H'), 'value-out-of-range').includes('"gracePeriod": "PT90M"'));
  assert.equal(findingsOf(repairs('half an hour'), 'invalid-duration').length, 1);
  // External health (the spec's example policy) is a health source; none at all is a finding.
  assert.deepEqual(findingsOf(repairs('PT30M'), 'repairs-require-health'), []);
  assert.equal(findingsOf(repairs('PT30M', []), 'repairs-require-health').length, 1);
});
