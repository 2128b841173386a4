import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { applyBicepEdits } from '../../../../server/src/core/frontEnds/bicep/bicepWriter';
import { runRules } from '../../../../server/src/core/rules';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { appHealth, CUSTOM_SCRIPT, loadBalancer, PROBE_ID, scaleSetTemplate, UNKNOWN } from './healthFixtures';

const ROLLING = '{ "mode": "Rolling" }';
const AOS = '{\n  "mode": "Automatic",\n  "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true }\n}';
const REPAIRS = '"automaticRepairsPolicy": { "enabled": true, "gracePeriod": "PT30M" }';
const sf = (durability: string) => `{
  "name": "sf",
  "properties": {
    "publisher": "Microsoft.Azure.ServiceFabric", "type": "ServiceFabricLinuxNode", "typeHandlerVersion": "2.0",
    "settings": { "nodeTypeRef": "nt1", "durabilityLevel": ${durability} }
  }
}`;

test('rolling-requires-health: Rolling with no probe and no extension', () => {
  const text = scaleSetTemplate({ upgradePolicy: ROLLING, resources: [loadBalancer()] });
  const [finding] = findingsOf(text, 'rolling-requires-health');
  assert.equal(textAt(text, finding!), '"Rolling"');
  assert.equal(finding!.severity, 'error');
  assert.match(
    fullText(finding!),
    /The scale set uses upgrade mode Rolling but has no health probe or Application Health extension, so Azure rejects the deployment\./,
  );
  assert.match(
    fullText(finding!),
    /"Rolling Upgrade mode is not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided\."/,
  );
  assert.match(fullText(finding!), /ApplicationHealthLinux/);
  assert.match(finding!.related[0]!.message, /1 probe, but none is attached/);
});

test('rolling-requires-health: silent with a probe, with the extension, and for other modes', () => {
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: ROLLING, healthProbe: PROBE_ID, resources: [loadBalancer()] }), 'rolling-requires-health'),
    [],
  );
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: ROLLING, extensions: [appHealth()] }), 'rolling-requires-health'), []);
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: '{ "mode": "Manual" }' }), 'rolling-requires-health'), []);
  assert.deepEqual(findingsOf(scaleSetTemplate({}), 'rolling-requires-health'), [], 'absent mode is Manual');
});

test('rolling-requires-health: silent when the mode or an extension type is unknown', () => {
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: `{ "mode": ${UNKNOWN} }` }), 'rolling-requires-health'), []);
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: UNKNOWN }), 'rolling-requires-health'), []);
  const unknownExt = `{ "name": "x", "properties": { "publisher": "Microsoft.ManagedServices", "type": ${UNKNOWN} } }`;
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: ROLLING, extensions: [unknownExt] }), 'rolling-requires-health'), []);
});

test('rolling-requires-health: the fix appends an extension after the last one, keeping comments', () => {
  const text = scaleSetTemplate({ upgradePolicy: ROLLING, extensions: [CUSTOM_SCRIPT] });
  const fixed = fixAndRecheck(text, 'rolling-requires-health');
  assert.match(fixed, /\/\/ installs the app\n {16}"properties"[^\n]*\n {14}\},\n {14}\{\n {16}"name": "HealthExtension",/);
  assert.match(fixed, /"type": "ApplicationHealthLinux",\n {18}"typeHandlerVersion": "2.0"/);
});

test('rolling-requires-health: the fix creates extensionProfile when there is none; Windows by osKind', () => {
  const text = scaleSetTemplate({ upgradePolicy: ROLLING, os: 'windows' });
  const fixed = fixAndRecheck(text, 'rolling-requires-health');
  assert.match(fixed, /"extensionProfile": \{\n\s+"extensions": \[\n\s+\{\n\s+"name": "HealthExtension"/);
  assert.match(fixed, /"type": "ApplicationHealthWindows"/);
  const empty = fixAndRecheck(scaleSetTemplate({ upgradePolicy: ROLLING, extensions: [] }), 'rolling-requires-health');
  assert.match(empty, /"extensions": \[\s*\{\s*"name": "HealthExtension"/);
});

test('rolling-requires-health: on Flexible only the extension counts, and the probe case belongs to flexible-requires-health-extension', () => {
  const flexible = scaleSetTemplate({ upgradePolicy: ROLLING, properties: ['"orchestrationMode": "Flexible"'] });
  const [finding] = findingsOf(flexible, 'rolling-requires-health');
  assert.match(fullText(finding!), /on Flexible orchestration a load-balancer probe is not a health source/);
  const withProbe = scaleSetTemplate({
    upgradePolicy: ROLLING,
    properties: ['"orchestrationMode": "Flexible"'],
    healthProbe: PROBE_ID,
    resources: [loadBalancer()],
  });
  assert.deepEqual(findingsOf(withProbe, 'rolling-requires-health'), []);
});

test('aos-requires-health: automatic OS upgrade with no health source, also the legacy boolean as a string', () => {
  const text = scaleSetTemplate({ upgradePolicy: AOS });
  const [finding] = findingsOf(text, 'aos-requires-health');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(
    fullText(finding!),
    /"Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because a health probe or health extension was not specified\."/,
  );
  const legacy = scaleSetTemplate({ upgradePolicy: '{ "mode": "Automatic", "automaticOSUpgrade": "true" }' });
  assert.equal(textAt(legacy, findingsOf(legacy, 'aos-requires-health')[0]!), '"true"');
  fixAndRecheck(text, 'aos-requires-health');
});

test('aos-requires-health: silent with health, when off, and when unknown', () => {
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: AOS, extensions: [appHealth()] }), 'aos-requires-health'), []);
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: AOS, healthProbe: PROBE_ID, resources: [loadBalancer()] }), 'aos-requires-health'),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: '{ "mode": "Automatic" }' }), 'aos-requires-health'),
    [],
    'Automatic mode alone needs no health',
  );
  assert.deepEqual(
    findingsOf(
      scaleSetTemplate({ upgradePolicy: `{ "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": ${UNKNOWN} } }` }),
      'aos-requires-health',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: `{ "automaticOSUpgradePolicy": ${UNKNOWN} }` }), 'aos-requires-health'),
    [],
  );
});

test('aos-requires-health: Service Fabric Silver/Gold is exempt, Bronze needs the extension (a probe does not count)', () => {
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: AOS, extensions: [sf('"Silver"')] }), 'aos-requires-health'), []);
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: AOS, extensions: [sf(UNKNOWN)] }), 'aos-requires-health'), []);
  const bronze = scaleSetTemplate({ upgradePolicy: AOS, extensions: [sf('"Bronze"')], healthProbe: PROBE_ID, resources: [loadBalancer()] });
  const [finding] = findingsOf(bronze, 'aos-requires-health');
  assert.match(fullText(finding!), /Application Health Probes are not supported for Service Fabric scale sets/);
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ upgradePolicy: AOS, extensions: [sf('"Bronze"'), appHealth()] }), 'aos-requires-health'),
    [],
  );
});

test("repairs-require-health: repairs enabled with no health source is an error with Azure's text", () => {
  const text = scaleSetTemplate({ properties: [REPAIRS] });
  const [finding] = findingsOf(text, 'repairs-require-health');
  assert.equal(finding!.severity, 'error');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(
    finding!.message,
    /has automatic instance repairs on but has no health probe or Application Health extension, so Azure rejects/,
  );
  assert.match(fullText(finding!), /nothing ever reports unhealthy/);
  assert.match(
    fullText(finding!),
    /Automatic repairs not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided\./,
  );
  fixAndRecheck(text, 'repairs-require-health');
});

test('repairs-require-health: silent when disabled, with health, or unknown', () => {
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ properties: ['"automaticRepairsPolicy": { "enabled": false }'] }), 'repairs-require-health'),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ properties: [REPAIRS], healthProbe: PROBE_ID, resources: [loadBalancer()] }), 'repairs-require-health'),
    [],
  );
  assert.deepEqual(
    findingsOf(scaleSetTemplate({ properties: [`"automaticRepairsPolicy": { "enabled": ${UNKNOWN} }`] }), 'repairs-require-health'),
    [],
  );
});

test('the fix offers Linux and Windows when the OS is unknown', () => {
  const text = scaleSetTemplate({ upgradePolicy: ROLLING })
    .replace(/"osProfile": \{[\s\S]*?\n {10}\}/, '"osProfile": {}')
    .replace(/"storageProfile"[^\n]*\n/, '');
  const [finding] = findingsOf(text, 'rolling-requires-health');
  assert.deepEqual(
    finding!.fixes.map((f) => [f.title.split(' ')[2], f.isPreferred]),
    [
      ['ApplicationHealthLinux', undefined],
      ['ApplicationHealthWindows', undefined],
    ],
  );
});

test('the extension fix writes Bicep syntax in a Bicep file (no commas between array items)', () => {
  const text = [
    '// A Rolling scale set without health',
    "resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-11-01' = {",
    "  name: 'vmss1'",
    '  properties: {',
    "    upgradePolicy: { mode: 'Rolling' }",
    '    virtualMachineProfile: {',
    "      storageProfile: { imageReference: { publisher: 'Canonical', offer: 'x', sku: 'y', version: 'latest' } }",
    '      extensionProfile: {',
    '        extensions: [',
    '          {',
    "            name: 'script' // installs the app",
    "            properties: { publisher: 'Microsoft.Azure.Extensions', type: 'CustomScript', typeHandlerVersion: '2.1' }",
    '          }',
    '        ]',
    '      }',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const lintBicep = (t: string) => runRules(analyzeBicep(t), t).filter((f) => f.ruleId === 'rolling-requires-health');
  const [finding] = lintBicep(text);
  const fixed = applyBicepEdits(text, finding!.fixes[0]!.edits);
  assert.ok(fixed !== undefined);
  assert.match(
    fixed,
    /\n {10}\}\n {10}\{\n {12}name: 'HealthExtension'\n {12}properties: \{\n {14}publisher: 'Microsoft\.ManagedServices'/,
  );
  assert.ok(fixed.includes('// installs the app'));
  assert.deepEqual(lintBicep(fixed), []);
});

test('an Application Health extension declared as a child resource counts as a health source', () => {
  const child = `{
  "type": "Microsoft.Compute/virtualMachineScaleSets/extensions",
  "apiVersion": "2024-11-01",
  "name": "vmss1/health",
  "dependsOn": [ "[resourceId('Microsoft.Compute/virtualMachineScaleSets', 'vmss1')]" ],
  "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthLinux", "typeHandlerVersion": "2.0", "settings": { "protocol": "tcp", "port": 22 } }
}`;
  assert.deepEqual(findingsOf(scaleSetTemplate({ upgradePolicy: ROLLING, resources: [child] }), 'rolling-requires-health'), []);
});
