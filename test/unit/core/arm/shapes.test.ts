// Where the engine finds scale sets: every place a template (or a pasted REST body or CLI output) can put one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { asString } from '../../../../server/src/core/model/values';
import { runRules } from '../../../../server/src/core/rules';

const vmss = (extra = '') =>
  `{ "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "web", "sku": { "name": "Standard_D2s_v5", "capacity": 10 }, "properties": { "upgradePolicy": { "mode": "Rolling" } }${extra} }`;

test('a scale set in the resources array', () => {
  const model = analyzeTemplate(
    `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [ { "type": "Microsoft.Network/loadBalancers", "name": "lb" }, ${vmss()} ] }`,
  );
  assert.equal(model.kind, 'template');
  assert.equal(model.scaleSets.length, 1);
  const s = model.scaleSets[0]!;
  assert.deepEqual(s.path, ['resources', 1]);
  assert.equal(s.displayName, 'web');
  assert.equal(asString(s.mode?.value), 'Rolling');
  assert.equal(s.capacity?.kind === 'number' && s.capacity.value, 10);
  assert.equal(s.typeSpelling, 'Microsoft.Compute/virtualMachineScaleSets');
});

test('types and property names match case-insensitively, and the spelling is kept', () => {
  const model = analyzeTemplate(
    `{ "resources": [ { "type": "microsoft.compute/VIRTUALMACHINESCALESETS", "name": "x", "Properties": { "UpgradePolicy": { "MODE": "Automatic" } } } ] }`,
  );
  const s = model.scaleSets[0]!;
  assert.equal(s.typeSpelling, 'microsoft.compute/VIRTUALMACHINESCALESETS');
  assert.equal(s.upgradePolicy?.name, 'UpgradePolicy');
  assert.equal(s.mode?.name, 'MODE');
  assert.equal(asString(s.mode?.value), 'Automatic');
});

test('symbolic-name resources (languageVersion 2.0)', () => {
  const model = analyzeTemplate(
    `{ "languageVersion": "2.0", "resources": { "lb": { "type": "Microsoft.Network/loadBalancers", "name": "lb" }, "scaleSet": ${vmss()} } }`,
  );
  assert.equal(model.scaleSets.length, 1);
  assert.deepEqual(model.scaleSets[0]!.path, ['resources', 'scaleSet']);
  assert.equal(model.loadBalancers.length, 1);
});

test('child extension resources attach to their scale set, nested or top-level by name', () => {
  const model = analyzeTemplate(`{ "resources": [
    ${vmss(`, "resources": [ { "type": "extensions", "name": "health", "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthLinux", "typeHandlerVersion": "2.0" } } ]`)},
    { "type": "Microsoft.Compute/virtualMachineScaleSets/extensions", "name": "web/sf", "properties": { "publisher": "Microsoft.Azure.ServiceFabric", "type": "ServiceFabricLinuxNode" } },
    { "type": "Microsoft.Compute/virtualMachineScaleSets/extensions", "name": "other/x", "properties": { "type": "Nope" } }
  ] }`);
  const exts = model.scaleSets[0]!.extensions;
  assert.deepEqual(
    exts.map((e) => asString(e.type)),
    ['ApplicationHealthLinux', 'ServiceFabricLinuxNode'],
  );
  assert.ok(exts.every((e) => e.origin === 'childResource'));
  assert.equal(model.scaleSets[0]!.osKind, 'linux');
});

test('extensions in the extension profile', () => {
  const model = analyzeTemplate(
    `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "w", "properties": { "virtualMachineProfile": { "extensionProfile": { "extensions": [ { "name": "h", "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthWindows", "typeHandlerVersion": "1.0", "settings": { "protocol": "tcp", "port": 19000 } } } ] } } } } ] }`,
  );
  const ext = model.scaleSets[0]!.extensions[0]!;
  assert.equal(ext.origin, 'extensionProfile');
  assert.equal(asString(ext.typeHandlerVersion), '1.0');
  assert.equal(ext.settings?.kind, 'object');
  assert.equal(model.scaleSets[0]!.osKind, 'windows');
});

test('nested deployments: inline templates with outer and inner scope', () => {
  const model = analyzeTemplate(`{ "resources": [
    { "type": "Microsoft.Resources/deployments", "name": "outerOne", "properties": { "mode": "Incremental", "template": { "resources": [ ${vmss()} ] } } },
    { "type": "Microsoft.Resources/deployments", "name": "innerOne", "properties": { "expressionEvaluationOptions": { "scope": "inner" }, "parameters": { "n": { "value": 4 } }, "template": { "parameters": { "n": { "type": "int" } }, "resources": [ ${vmss()} ] } } }
  ] }`);
  assert.equal(model.scaleSets.length, 2);
  assert.equal(model.scaleSets[0]!.deployment?.scope, 'outer');
  assert.equal(model.scaleSets[1]!.deployment?.scope, 'inner');
  assert.deepEqual(model.scaleSets[1]!.path, ['resources', 1, 'properties', 'template', 'resources', 0]);
});

test('a copy loop is one declaration with its count', () => {
  const model = analyzeTemplate(`{ "resources": [ ${vmss(`, "copy": { "name": "loop", "count": 3 }`)} ] }`);
  const copy = model.scaleSets[0]!.copy;
  assert.ok(copy);
  assert.equal(copy.count?.kind === 'number' && copy.count.value, 3);
});

test('a REST request body', () => {
  const model = analyzeTemplate(
    `{ "sku": { "capacity": 7 }, "location": "westus", "properties": { "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 49 } } } }`,
  );
  assert.equal(model.kind, 'restBody');
  assert.equal(model.scaleSets.length, 1);
  assert.equal(model.scaleSets[0]!.shape, 'restBody');
  assert.equal(model.scaleSets[0]!.rollingUpgradePolicy?.value.kind, 'object');
});

test('a REST example file: the request body under parameters.parameters', () => {
  const model = analyzeTemplate(
    `{ "parameters": { "api-version": "2024-11-01", "parameters": { "properties": { "upgradePolicy": { "mode": "Manual" } } } }, "responses": { "200": { "body": {} } } }`,
  );
  assert.equal(model.kind, 'restBody');
  assert.deepEqual(model.scaleSets[0]!.path, ['parameters', 'parameters']);
});

test('`az vmss show` output: upgradePolicy at the top level', () => {
  const model = analyzeTemplate(
    `{ "name": "web", "sku": { "capacity": 3 }, "upgradePolicy": { "mode": "Rolling" }, "virtualMachineProfile": { "networkProfile": { "healthProbe": { "id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/loadBalancers/lb/probes/p" } } }, "orchestrationMode": "Uniform" }`,
  );
  assert.equal(model.kind, 'vmssShow');
  const s = model.scaleSets[0]!;
  assert.equal(s.shape, 'vmssShow');
  assert.equal(asString(s.mode?.value), 'Rolling');
  assert.equal(asString(s.orchestrationMode?.value), 'Uniform');
  assert.match(asString(s.healthProbeId?.value) ?? '', /probes\/p$/);
  assert.equal(s.strayPolicies.length, 0);
});

test('other JSON is left alone', () => {
  for (const text of ['{ "name": "package", "version": "1.0.0" }', '[1, 2]', '', '42']) {
    const model = analyzeTemplate(text);
    assert.equal(model.kind, 'other', text);
    assert.equal(model.scaleSets.length, 0);
  }
});

test('parameters files are recognised', () => {
  assert.equal(
    analyzeTemplate('{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {} }')
      .kind,
    'parameters',
  );
  assert.equal(analyzeTemplate('{ "parameters": { "x": { "value": 1 } } }').kind, 'parameters');
});

test('policy objects in the wrong place are listed as stray', () => {
  const model = analyzeTemplate(
    `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "w", "upgradePolicy": { "mode": "Rolling" }, "properties": { "rollingUpgradePolicy": {}, "upgradePolicy": { "mode": "Rolling" }, "virtualMachineProfile": { "automaticOSUpgradePolicy": {} } } } ] }`,
  );
  const stray = model.scaleSets[0]!.strayPolicies.map((s) => `${s.parentPath.join('.')}/${s.property.name} → ${s.expectedPath.join('.')}`);
  assert.deepEqual(stray, [
    '/upgradePolicy → properties.upgradePolicy',
    'properties/rollingUpgradePolicy → properties.upgradePolicy.rollingUpgradePolicy',
    'properties.virtualMachineProfile/automaticOSUpgradePolicy → properties.upgradePolicy.automaticOSUpgradePolicy',
  ]);
});

test('load balancers with probes and Service Fabric clusters are read', () => {
  const model = analyzeTemplate(`{ "resources": [
    { "type": "Microsoft.Network/loadBalancers", "name": "lb", "sku": { "name": "Standard" }, "properties": { "probes": [ { "name": "http", "properties": { "protocol": "Http", "port": 80, "intervalInSeconds": 15, "numberOfProbes": 2, "requestPath": "/" } } ] } },
    { "type": "Microsoft.ServiceFabric/clusters", "name": "c", "properties": { "nodeTypes": [ { "name": "nt0", "durabilityLevel": "Silver", "isStateless": false, "vmInstanceCount": 5 } ] } }
  ] }`);
  const probe = model.loadBalancers[0]!.probes[0]!;
  assert.equal(asString(probe.name), 'http');
  assert.equal(probe.intervalInSeconds?.kind === 'number' && probe.intervalInSeconds.value, 15);
  assert.equal(asString(model.loadBalancers[0]!.skuName), 'Standard');
  assert.equal(asString(model.serviceFabricClusters[0]!.nodeTypes[0]!.durabilityLevel), 'Silver');
});

test('settings under an object an unevaluable expression built are unknown, not absent', () => {
  const model = analyzeTemplate(`{ "resources": [
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "a", "properties": "[reference('other').props]" },
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "b", "properties": { "upgradePolicy": { "mode": "Rolling" },
      "virtualMachineProfile": { "networkProfile": "[parameters('net')]", "extensionProfile": { "extensions": "[reference('exts').list]" } } } }
  ] }`);
  const [a, b] = model.scaleSets;
  assert.equal(a!.upgradePolicy?.value.kind, 'unknown');
  assert.equal(a!.mode?.value.kind, 'unknown');
  assert.equal(a!.healthProbeId?.value.kind, 'unknown');
  assert.equal(b!.healthProbeId?.value.kind, 'unknown', 'networkProfile comes from a parameter without a value');
  assert.equal(b!.extensions.length, 1, 'one stand-in for the extensions nobody can see');
  assert.equal(b!.extensions[0]!.type?.kind, 'unknown');
  assert.equal(b!.windowsConfiguration, undefined, 'osProfile is simply absent: still absent');
});

test('rules stay silent on a Rolling scale set whose health sources cannot be seen', () => {
  const text = `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "b", "sku": { "capacity": 10 },
    "properties": { "overprovision": false, "upgradePolicy": { "mode": "Rolling" }, "virtualMachineProfile": { "extensionProfile": { "extensions": "[reference('exts').list]" } } } } ] }`;
  const ids = runRules(analyzeTemplate(text), text).map((f) => f.ruleId);
  assert.ok(!ids.includes('rolling-requires-health'), ids.join());
  const seen = text.replace(`"[reference('exts').list]"`, '[]');
  assert.ok(
    runRules(analyzeTemplate(seen), seen).some((f) => f.ruleId === 'rolling-requires-health'),
    'with no extensions at all, it fires',
  );
});
