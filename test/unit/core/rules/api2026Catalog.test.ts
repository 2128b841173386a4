// The 2023-07-01 … 2026-04-01 scale-set settings that touch upgrades, health and zones: known to the
// schema rules (no unknown-property), dated (api-version-unsupported-property), typed and ranged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTemplate, findingsOf, fixAndRecheck, lint, textAt } from './harness';

/**
 * Request bodies of the Compute API's own examples, the properties verbatim:
 * Azure/azure-rest-api-specs specification/compute/resource-manager/Microsoft.Compute/Compute/stable/2025-11-01/
 * examples/virtualMachineScaleSetExamples/VirtualMachineScaleSet_Create_WithLifecycleHooksProfile.json @ 02bfe134
 * and VirtualMachineScaleSet_Create_WithExternalHealthPolicy.json @ 9a69dbbf.
 */
const SPEC_HOOKS = `"lifecycleHooksProfile": {
  "lifecycleHooks": [
    {
      "type": "UpgradeAutoOSRollingBatchStarting",
      "waitDuration": "PT20M",
      "defaultAction": "Approve"
    }
  ]
}`;
const SPEC_EXTERNAL_HEALTH = `"upgradePolicy": {
  "mode": "Manual"
}`;
const SPEC_SCHEDULED_EVENTS = `"scheduledEventsPolicy": {
  "scheduledEventsAdditionalPublishingTargets": {
    "eventGridAndResourceGraph": {
      "enable": true,
      "scheduledEventsApiVersion": "2020-07-01"
    }
  },
  "userInitiatedRedeploy": {
    "automaticallyApprove": true
  },
  "userInitiatedReboot": {
    "automaticallyApprove": true
  },
  "allInstancesDown": {
    "automaticallyApprove": true
  }
}`;
const SPEC_EXTERNAL = `"externalHealthPolicy": {
  "enabled": true,
  "expiryDuration": "PT10M",
  "gracePeriod": "PT4H"
}`;

function template(properties: readonly string[], apiVersion = '2025-11-01', parameters?: string): string {
  return buildTemplate({ comment: 'API 2026 settings.', apiVersion, skuComment: 'four VMs', capacity: '4', properties, parameters });
}

const SCHEMA_RULES = ['unknown-property', 'api-version-unsupported-property', 'value-type', 'invalid-enum-value', 'invalid-duration'];
const schemaFindings = (text: string) => lint(text).filter((f) => SCHEMA_RULES.includes(f.ruleId));

test('the API spec examples on 2025-11-01: every setting is known, of its type and of its version', () => {
  const text = template([SPEC_HOOKS, SPEC_EXTERNAL_HEALTH, SPEC_SCHEDULED_EVENTS, SPEC_EXTERNAL]);
  assert.deepEqual(schemaFindings(text), []);
  assert.deepEqual(schemaFindings(template([SPEC_HOOKS, SPEC_EXTERNAL], '2026-04-01')), []);
});

test('api-version-unsupported-property: lifecycleHooksProfile and externalHealthPolicy need 2025-11-01, reported once per object', () => {
  const text = template([SPEC_HOOKS, SPEC_EXTERNAL], '2024-07-01');
  const findings = findingsOf(text, 'api-version-unsupported-property');
  assert.deepEqual(
    findings.map((f) => textAt(text, f)),
    ['"lifecycleHooksProfile"', '"externalHealthPolicy"'],
  );
  assert.match(findings[0]!.message, /lifecycleHooksProfile was added in Compute API 2025-11-01/);
  assert.ok(fixAndRecheck(template([SPEC_HOOKS], '2024-07-01'), 'api-version-unsupported-property').includes('"apiVersion": "2025-11-01"'));
});

test('api-version-unsupported-property: the 2025-04-01 members inside an older object, and enum values', () => {
  const text = template(
    [
      '"scheduledEventsPolicy": { "userInitiatedReboot": { "automaticallyApprove": true }, "allInstancesDown": { "automaticallyApprove": false } }',
      '"resiliencyPolicy": { "zoneAllocationPolicy": { "maxZoneCount": 2 } }',
      '"zonalPlatformFaultDomainAlignMode": "BestEffortAligned"',
    ],
    '2024-11-01',
  );
  assert.deepEqual(
    findingsOf(text, 'api-version-unsupported-property').map((f) => textAt(text, f)),
    ['"allInstancesDown"', '"zoneAllocationPolicy"', '"BestEffortAligned"'],
  );
  // Where the first version is in conflict (Learn 2023-07-01, the spec 2024-03-01) the earlier one rules: silent.
  assert.deepEqual(
    findingsOf(
      template(['"resiliencyPolicy": { "resilientVMCreationPolicy": { "enabled": true } }'], '2023-07-01'),
      'api-version-unsupported-property',
    ),
    [],
  );
});

test('an apiVersion or a value from an expression the engine cannot evaluate: silent', () => {
  const unknownApi = template([SPEC_HOOKS]).replace('"apiVersion": "2025-11-01"', `"apiVersion": "[reference('x').api]"`);
  assert.deepEqual(schemaFindings(unknownApi), []);
  const hooks = template(
    ['"lifecycleHooksProfile": { "lifecycleHooks": "[parameters(\'hooks\')]" }'],
    '2025-11-01',
    '"hooks": { "type": "array" }',
  );
  assert.deepEqual(schemaFindings(hooks), []);
  const wait = template(
    ['"lifecycleHooksProfile": { "lifecycleHooks": [{ "type": "UpgradeAutoOSScheduling", "waitDuration": "[parameters(\'wait\')]" }] }'],
    '2025-11-01',
    '"wait": { "type": "string" }',
  );
  assert.deepEqual(schemaFindings(wait), []);
});

test('unknown-property: a typo inside the new objects, silent on the scale set properties the catalog does not list', () => {
  const text = template(['"overprovision": false', '"externalHealthPolicy": { "enable": true, "gracePeriod": "PT10M" }']);
  const [finding] = findingsOf(text, 'unknown-property');
  assert.equal(textAt(text, finding!), '"enable"');
  assert.match(finding!.message, /"enable" is not a property of externalHealthPolicy.*Did you mean "enabled"\?/);
  assert.ok(!fixAndRecheck(text, 'unknown-property').includes('"enable"'));
  // A name of the upgrade policy inside a new object is unknown there (misplaced-policy is about upgradePolicy only).
  const stray = template(['"automaticRepairsPolicy": { "enabled": true, "maxSurge": true }']);
  assert.deepEqual(
    findingsOf(stray, 'unknown-property').map((f) => textAt(stray, f)),
    ['"maxSurge"'],
  );
  assert.deepEqual(findingsOf(stray, 'misplaced-policy'), []);
});

test('value rules read the new properties: types, closed enums, durations; an open enum is left to its own rule', () => {
  const text = template([
    '"externalHealthPolicy": { "enabled": "yes", "expiryDuration": "10 minutes" }',
    '"zonalPlatformFaultDomainAlignMode": "Strict"',
    '"automaticRepairsPolicy": { "enabled": true, "repairAction": "Redeploy" }',
  ]);
  const found = schemaFindings(text).map((f) => `${f.ruleId} ${textAt(text, f)}`);
  assert.deepEqual(found, ['value-type "yes"', 'invalid-duration "10 minutes"', 'invalid-enum-value "Strict"']);
});
