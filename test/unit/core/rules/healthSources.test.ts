import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { appHealth, loadBalancer, PROBE_ID, scaleSetTemplate, UNKNOWN } from './healthFixtures';

const AOS = '{\n  "mode": "Automatic",\n  "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true }\n}';
const FLEX = '"orchestrationMode": "Flexible"';
const both = (upgradePolicy: string, properties: string[] = []) =>
  scaleSetTemplate({ upgradePolicy, properties, healthProbe: PROBE_ID, extensions: [appHealth()], resources: [loadBalancer()] });

test('multiple-health-sources: probe and extension with AOS quote the platform error', () => {
  const text = both(AOS);
  const [finding] = findingsOf(text, 'multiple-health-sources');
  assert.equal(textAt(text, finding!), PROBE_ID);
  assert.match(
    fullText(finding!),
    /"Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because both a health probe and a health extension were provided\. Remove the health probe or health extension prior to enabling automatic OS upgrade\."/,
  );
  assert.deepEqual(
    finding!.related.map((r) => r.message),
    ['The Application Health extension, the second health source.', 'Automatic OS image upgrade is turned on here.'],
  );
});

test('multiple-health-sources: Rolling mode and repairs count too', () => {
  const [rolling] = findingsOf(both('{ "mode": "Rolling" }'), 'multiple-health-sources');
  assert.match(fullText(rolling!), /while upgrade mode Rolling is on/);
  const [repairs] = findingsOf(both('{ "mode": "Manual" }', ['"automaticRepairsPolicy": { "enabled": true }']), 'multiple-health-sources');
  assert.match(fullText(repairs!), /while automatic repairs is on/);
});

test('multiple-health-sources: silent with one source, when nothing uses health, on Flexible, and when unknown', () => {
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: AOS, extensions: [appHealth()] }), 'multiple-health-sources'), []);
  assert.deepEqual(findingsOf(both('{ "mode": "Manual" }'), 'multiple-health-sources'), []);
  assert.deepEqual(findingsOf(both('{ "mode": "Rolling" }', [FLEX]), 'multiple-health-sources'), []);
  assert.deepEqual(findingsOf(both(`{ "mode": ${UNKNOWN} }`), 'multiple-health-sources'), []);
  assert.deepEqual(findingsOf(both('{ "mode": "Rolling" }', [`"orchestrationMode": ${UNKNOWN}`]), 'multiple-health-sources'), []);
});

test('flexible-requires-health-extension: Flexible relying on a probe', () => {
  const text = scaleSetTemplate({
    upgradePolicy: '{ "mode": "Rolling" }',
    properties: [FLEX],
    healthProbe: PROBE_ID,
    resources: [loadBalancer()],
  });
  const [finding] = findingsOf(text, 'flexible-requires-health-extension');
  assert.equal(textAt(text, finding!), PROBE_ID);
  assert.match(
    fullText(finding!),
    /Flexible orchestration does not use the health probe, so upgrade mode Rolling has no health signal\.[^]*relies on networkProfile\.healthProbe for upgrade mode Rolling, but on Flexible orchestration only the Application Health extension is a health source/,
  );
  assert.equal(finding!.related[0]!.message, 'Flexible orchestration is set here.');
  assert.deepEqual(findingsOf(text, 'rolling-requires-health'), [], 'reported once');
  const fixed = fixAndRecheck(text, 'flexible-requires-health-extension');
  assert.match(fixed, /"type": "ApplicationHealthLinux"/);
  assert.deepEqual(findingsOf(fixed, 'multiple-health-sources'), [], 'the leftover probe is not a second source on Flexible');
});

test('flexible-requires-health-extension: silent with the extension, on Uniform, without consumers, and when unknown', () => {
  const flex = (o: { upgradePolicy?: string; extensions?: string[]; properties?: string[] }) =>
    scaleSetTemplate({ healthProbe: PROBE_ID, resources: [loadBalancer()], properties: [FLEX], ...o });
  assert.deepEqual(
    findingsOf(flex({ upgradePolicy: '{ "mode": "Rolling" }', extensions: [appHealth()] }), 'flexible-requires-health-extension'),
    [],
  );
  assert.deepEqual(findingsOf(flex({ upgradePolicy: '{ "mode": "Rolling" }', properties: [] }), 'flexible-requires-health-extension'), []);
  assert.deepEqual(findingsOf(flex({ upgradePolicy: '{ "mode": "Manual" }' }), 'flexible-requires-health-extension'), []);
  assert.deepEqual(findingsOf(flex({ upgradePolicy: `{ "mode": ${UNKNOWN} }` }), 'flexible-requires-health-extension'), []);
  assert.deepEqual(
    findingsOf(
      flex({ upgradePolicy: '{ "mode": "Rolling" }', properties: [`"orchestrationMode": ${UNKNOWN}`] }),
      'flexible-requires-health-extension',
    ),
    [],
  );
});
