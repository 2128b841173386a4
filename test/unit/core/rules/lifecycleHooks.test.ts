// lifecycle-hook-settings: the lifecycle hooks of the Compute API 2025-11-01, with the unverified limits as warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTemplate, findingsOf, fullText, lint, textAt } from './harness';

/** The hook of the API's example VirtualMachineScaleSet_Create_WithLifecycleHooksProfile.json (2025-11-01, @ 02bfe134). */
const SPEC_HOOK = '{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "PT20M", "defaultAction": "Approve" }';
const hooks = (items: readonly string[], parameters?: string) =>
  buildTemplate({
    comment: 'Lifecycle hooks.',
    apiVersion: '2025-11-01',
    skuComment: 'four VMs',
    capacity: '4',
    parameters,
    properties: [`"lifecycleHooksProfile": { "lifecycleHooks": [${items.join(', ')}] }`],
  });

test('lifecycle-hook-settings: silent on the API example and on both known types within their limits', () => {
  assert.deepEqual(findingsOf(hooks([SPEC_HOOK]), 'lifecycle-hook-settings'), []);
  const both = hooks([
    '{ "type": "UpgradeAutoOSScheduling", "waitDuration": "P2D", "defaultAction": "Reject" }',
    '{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "PT4H" }',
  ]);
  assert.deepEqual(findingsOf(both, 'lifecycle-hook-settings'), []);
});

test('lifecycle-hook-settings: an unknown type, a second hook of one type, an unknown action: warnings', () => {
  const text = hooks([
    '{ "type": "UpgradeAutoOSRollingBatchStart", "waitDuration": "PT20M" }',
    SPEC_HOOK,
    '{ "type": "upgradeautoosrollingbatchstarting", "defaultAction": "Wait" }',
  ]);
  const findings = findingsOf(text, 'lifecycle-hook-settings');
  assert.deepEqual(
    findings.map((f) => textAt(text, f)),
    ['"UpgradeAutoOSRollingBatchStart"', '"upgradeautoosrollingbatchstarting"', '"Wait"'],
  );
  assert.deepEqual(
    findings.map((f) => [f.severity, f.message.length <= 160]),
    findings.map(() => ['warning', true]),
    findings.map((f) => f.message).join('\n'),
  );
  assert.match(
    findings[0]!.message,
    /is not a type the Compute API lists, so the hook may never fire\. Did you mean "UpgradeAutoOSRollingBatchStarting"\?/,
  );
  assert.match(findings[1]!.message, /A second UpgradeAutoOSRollingBatchStarting hook/);
  assert.equal(textAt(text, { ...findings[1]!, span: findings[1]!.related[0]!.span }), '"UpgradeAutoOSRollingBatchStarting"');
  // The open enum is not an invalid-enum-value error.
  assert.deepEqual(findingsOf(text, 'invalid-enum-value'), []);
});

test('lifecycle-hook-settings: waitDuration above the unverified maximum names its source; invalid durations are invalid-duration', () => {
  const text = hooks([
    '{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "PT6H" }',
    '{ "type": "UpgradeAutoOSScheduling", "waitDuration": "P3D" }',
  ]);
  const findings = findingsOf(text, 'lifecycle-hook-settings');
  assert.deepEqual(
    findings.map((f) => textAt(text, f)),
    ['"PT6H"', '"P3D"'],
  );
  assert.match(findings[0]!.message, /above the 4 hours azure-cli issues 33328 and 33652 give .*\(unverified\)/);
  assert.match(findings[1]!.message, /above the 2 days/);
  assert.ok(findings.every((f) => f.message.length <= 160));
  const words = hooks(['{ "type": "UpgradeAutoOSRollingBatchStarting", "waitDuration": "20 minutes" }']);
  assert.deepEqual(findingsOf(words, 'lifecycle-hook-settings'), []);
  assert.match(fullText(findingsOf(words, 'invalid-duration')[0]!), /Did you mean "PT20M"/);
});

test('lifecycle-hook-settings: values from expressions the engine cannot evaluate are not judged', () => {
  const text = hooks(
    ['{ "type": "[parameters(\'hookType\')]", "waitDuration": "[parameters(\'wait\')]", "defaultAction": "[parameters(\'action\')]" }'],
    '"hookType": { "type": "string" }, "wait": { "type": "string" }, "action": { "type": "string" }',
  );
  assert.deepEqual(
    lint(text).filter((f) => f.ruleId === 'lifecycle-hook-settings' || f.ruleId === 'invalid-duration'),
    [],
  );
});
