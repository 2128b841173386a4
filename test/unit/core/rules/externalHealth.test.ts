// External health (externalHealthPolicy.enabled, Compute API 2025-11-01) as the third health source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, fullText, textAt } from './harness';
import { appHealth, loadBalancer, PROBE_ID, scaleSetTemplate, UNKNOWN } from './healthFixtures';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { simInputFromScaleSet } from '../../../../server/src/core/sim/fromScaleSet';

/** The policy of the API's example VirtualMachineScaleSet_Create_WithExternalHealthPolicy.json (2025-11-01, @ 9a69dbbf). */
const SPEC_EXTERNAL = '"externalHealthPolicy": { "enabled": true, "expiryDuration": "PT10M", "gracePeriod": "PT4H" }';
const AOS = '{ "mode": "Automatic", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true } }';
const at2025 = (text: string) => text.replace(/"apiVersion": "[^"]+"/, '"apiVersion": "2025-11-01"');

test('external health is a health source: rolling, AOS and repairs are satisfied by it', () => {
  for (const [rule, upgradePolicy, extra] of [
    ['rolling-requires-health', '{ "mode": "Rolling" }', []],
    ['aos-requires-health', AOS, []],
    ['repairs-require-health', '{ "mode": "Manual" }', ['"automaticRepairsPolicy": { "enabled": true }']],
  ] as const) {
    const without = at2025(scaleSetTemplate({ upgradePolicy, properties: [...extra] }));
    assert.equal(findingsOf(without, rule).length, 1, `${rule} fires without a health source`);
    const withExternal = at2025(scaleSetTemplate({ upgradePolicy, properties: [...extra, SPEC_EXTERNAL] }));
    assert.deepEqual(findingsOf(withExternal, rule), [], `${rule} accepts external health`);
    // Turned off, it is no source.
    const off = at2025(scaleSetTemplate({ upgradePolicy, properties: [...extra, '"externalHealthPolicy": { "enabled": false }'] }));
    assert.equal(findingsOf(off, rule).length, 1, `${rule}: enabled false is no health source`);
    // From an expression the engine cannot evaluate: it may be on, so silent.
    const unknown = at2025(
      scaleSetTemplate({ upgradePolicy, properties: [...extra, `"externalHealthPolicy": { "enabled": ${UNKNOWN} }`] }),
    );
    assert.deepEqual(findingsOf(unknown, rule), [], `${rule}: unknown enabled`);
  }
});

test('multiple-health-sources: external health with the extension, or with a probe on Uniform, with the API wording', () => {
  const withExtension = at2025(
    scaleSetTemplate({ upgradePolicy: '{ "mode": "Manual" }', properties: [SPEC_EXTERNAL], extensions: [appHealth()] }),
  );
  const [finding] = findingsOf(withExtension, 'multiple-health-sources');
  assert.equal(textAt(withExtension, finding!), 'true');
  assert.ok(finding!.message.length <= 160, finding!.message);
  assert.match(finding!.message, /externalHealthPolicy\.enabled is true while the Application Health extension is also a health source/);
  assert.ok(
    finding!.related.some((r) => r.message.includes('another health monitoring source is active (ApplicationHealth extension or SLB)')),
  );
  const withProbe = at2025(
    scaleSetTemplate({
      upgradePolicy: '{ "mode": "Rolling" }',
      properties: [SPEC_EXTERNAL],
      healthProbe: PROBE_ID,
      resources: [loadBalancer()],
    }),
  );
  assert.match(findingsOf(withProbe, 'multiple-health-sources')[0]!.message, /while networkProfile\.healthProbe is also a health source/);
  // Silent: external alone, external off, unknown, and a probe on Flexible (it does not read the probe).
  assert.deepEqual(
    findingsOf(at2025(scaleSetTemplate({ upgradePolicy: AOS, properties: [SPEC_EXTERNAL] })), 'multiple-health-sources'),
    [],
  );
  const off = '"externalHealthPolicy": { "enabled": false }';
  assert.deepEqual(findingsOf(at2025(scaleSetTemplate({ properties: [off], extensions: [appHealth()] })), 'multiple-health-sources'), []);
  const unknown = `"externalHealthPolicy": { "enabled": ${UNKNOWN} }`;
  assert.deepEqual(
    findingsOf(at2025(scaleSetTemplate({ properties: [unknown], extensions: [appHealth()] })), 'multiple-health-sources'),
    [],
  );
  const flexible = at2025(
    scaleSetTemplate({
      properties: [SPEC_EXTERNAL, '"orchestrationMode": "Flexible"'],
      healthProbe: PROBE_ID,
      resources: [loadBalancer()],
    }),
  );
  assert.deepEqual(findingsOf(flexible, 'multiple-health-sources'), []);
  assert.deepEqual(findingsOf(flexible, 'flexible-requires-health-extension'), []);
});

test('expiryDuration PT5M–PT3H and gracePeriod PT5M–PT4H; repairs PT10M–PT90M; the OS image notice only PT15M', () => {
  const policy = (expiry: string, grace: string) =>
    at2025(
      scaleSetTemplate({
        properties: [`"externalHealthPolicy": { "enabled": true, "expiryDuration": "${expiry}", "gracePeriod": "${grace}" }`],
      }),
    );
  assert.deepEqual(findingsOf(policy('PT5M', 'PT4H'), 'value-out-of-range'), []);
  assert.deepEqual(findingsOf(policy('PT3H', 'PT5M'), 'value-out-of-range'), []);
  const text = policy('PT1M', 'PT5H');
  const findings = findingsOf(text, 'value-out-of-range');
  assert.deepEqual(
    findings.map((f) => textAt(text, f)),
    ['"PT1M"', '"PT5H"'],
  );
  assert.match(findings[0]!.message, /expiryDuration is "PT1M" \(1 minute\); the Compute API states PT5M to PT3H/);
  assert.ok(findings.every((f) => f.message.length <= 160));
  const fixed = fixAndRecheck(policy('PT1M', 'PT4H'), 'value-out-of-range');
  assert.ok(fixed.includes('"expiryDuration": "PT5M"'));
  const repairs = scaleSetTemplate({
    extensions: [appHealth()],
    properties: ['"automaticRepairsPolicy": { "enabled": true, "gracePeriod": "PT5M" }'],
  });
  assert.match(
    findingsOf(repairs, 'value-out-of-range')[0]!.message,
    /gracePeriod is "PT5M" \(5 minutes\); the Compute API states PT10M to PT90M/,
  );
  const notice = scaleSetTemplate({}).replace(
    '"virtualMachineProfile": {',
    '"virtualMachineProfile": { "scheduledEventsProfile": { "osImageNotificationProfile": { "enable": true, "notBeforeTimeout": "PT10M" } },',
  );
  assert.match(
    findingsOf(notice, 'value-out-of-range')[0]!.message,
    /notBeforeTimeout is "PT10M" \(10 minutes\); the Compute API states only PT15M/,
  );
  // Not a duration: invalid-duration, not a range finding; from a parameter without a value: silent.
  const words = policy('20 minutes', 'PT4H');
  assert.deepEqual(findingsOf(words, 'value-out-of-range'), []);
  assert.match(fullText(findingsOf(words, 'invalid-duration')[0]!), /"20 minutes" is not an ISO 8601 duration [^]* Did you mean "PT20M"/);
  const unknown = at2025(scaleSetTemplate({ properties: [`"externalHealthPolicy": { "enabled": true, "expiryDuration": ${UNKNOWN} }`] }));
  assert.deepEqual(findingsOf(unknown, 'value-out-of-range'), []);
});

test('the simulator knows the source in force: external health, and external beside another', () => {
  const input = (text: string) => simInputFromScaleSet(analyzeTemplate(text).scaleSets[0]!);
  const external = input(at2025(scaleSetTemplate({ upgradePolicy: AOS, properties: [SPEC_EXTERNAL] })));
  assert.equal(external.input.healthSource, 'external');
  assert.match(external.provenance['healthSource']!.note!, /external health/);
  const none = input(at2025(scaleSetTemplate({ upgradePolicy: AOS })));
  assert.equal(none.input.healthSource, 'none');
});
