import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { appHealth, loadBalancer, PROBE_ID, UNKNOWN } from './healthFixtures';
import { AOS_ON, sfCluster, sfExtension, sfTemplate } from './serviceFabricFixtures';

test('sf-health-probe: a load-balancer health probe on a Service Fabric scale set', () => {
  const text = sfTemplate({ healthProbe: PROBE_ID, resources: [sfCluster(), loadBalancer()] });
  const [finding] = findingsOf(text, 'sf-health-probe');
  assert.equal(textAt(text, finding!), PROBE_ID);
  assert.match(fullText(finding!), /"Application Health Probes are not supported for Service Fabric scale sets"\./);
  const bronze = sfTemplate({ healthProbe: PROBE_ID, extension: sfExtension({ durability: '"Bronze"' }), resources: [loadBalancer()] });
  assert.match(
    fullText(findingsOf(bronze, 'sf-health-probe')[0]!),
    /Remove networkProfile\.healthProbe and add an Application Health extension/,
  );
});

test('sf-health-probe: silent without a probe, without SF, and when the extension type is unknown', () => {
  assert.deepEqual(findingsOf(sfTemplate({ extensions: [sfExtension(), appHealth()] }), 'sf-health-probe'), []);
  assert.deepEqual(findingsOf(sfTemplate({ healthProbe: PROBE_ID, extension: appHealth() }), 'sf-health-probe'), []);
  const unknownType = `{ "name": "x", "properties": { "publisher": "Microsoft.Azure.ServiceFabric", "type": ${UNKNOWN} } }`;
  assert.deepEqual(findingsOf(sfTemplate({ healthProbe: PROBE_ID, extension: unknownType }), 'sf-health-probe'), []);
});

test('sf-automatic-updates: an explicit true on a Windows node type, any durability; fix to false', () => {
  const text = sfTemplate({
    windowsConfiguration: '{ "provisionVMAgent": true, "enableAutomaticUpdates": true }',
    extension: sfExtension({ durability: '"Bronze"' }),
    resources: [],
  });
  const [finding] = findingsOf(text, 'sf-automatic-updates');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(fullText(finding!), /node type "nt1" sets enableAutomaticUpdates to true.*durability Bronze/);
  // Service Fabric's validation (and its text) applies to Silver and Gold only: a Bronze node type gets no quote.
  assert.equal(finding!.details!.azureError, undefined);
  assert.match(fixAndRecheck(text, 'sf-automatic-updates'), /"enableAutomaticUpdates": false/);
});

test('sf-automatic-updates: absent means true, reported for Silver/Gold without AOS; fix inserts false', () => {
  const text = sfTemplate({ windowsConfiguration: '{ "provisionVMAgent": true }' });
  const [finding] = findingsOf(text, 'sf-automatic-updates');
  assert.equal(textAt(text, finding!), '"windowsConfiguration"');
  assert.match(fullText(finding!), /windowsConfiguration\.enableAutomaticUpdates is not set, so it is true \(the default\)/);
  assert.match(fixAndRecheck(text, 'sf-automatic-updates'), /"provisionVMAgent": true, "enableAutomaticUpdates": false/);
});

test('sf-automatic-updates: absent is fine with AOS on (the platform forces false), on Bronze, on Linux, and when unknown', () => {
  const absent = '{ "provisionVMAgent": true }';
  assert.deepEqual(findingsOf(sfTemplate({ windowsConfiguration: absent, upgradePolicy: AOS_ON }), 'sf-automatic-updates'), []);
  assert.deepEqual(
    findingsOf(
      sfTemplate({ windowsConfiguration: absent, extension: sfExtension({ durability: '"Bronze"' }), resources: [] }),
      'sf-automatic-updates',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(sfTemplate({ os: 'linux', extension: sfExtension({ type: 'ServiceFabricLinuxNode' }) }), 'sf-automatic-updates'),
    [],
  );
  assert.deepEqual(
    findingsOf(sfTemplate({ windowsConfiguration: `{ "enableAutomaticUpdates": ${UNKNOWN} }` }), 'sf-automatic-updates'),
    [],
  );
  assert.deepEqual(
    findingsOf(
      sfTemplate({
        windowsConfiguration: absent,
        upgradePolicy: `{ "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": ${UNKNOWN} } }`,
      }),
      'sf-automatic-updates',
    ),
    [],
  );
});

test('sf-min-capacity: Silver with fewer than 5 instances is a warning, with the SFRP message', () => {
  const text = sfTemplate({ capacity: '3' });
  const [finding] = findingsOf(text, 'sf-min-capacity');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), '3');
  assert.match(fullText(finding!), /"NodeType nt1 with VMSS Durability Silver should have atleast 5 VMs but actually has 3 VMs\."/);
  assert.match(fixAndRecheck(text, 'sf-min-capacity'), /"capacity": 5 \}/);
});

test('sf-min-capacity: silent for 5, for Bronze, and for unknown capacity', () => {
  assert.deepEqual(findingsOf(sfTemplate({ capacity: '5' }), 'sf-min-capacity'), []);
  assert.deepEqual(
    findingsOf(sfTemplate({ capacity: '1', extension: sfExtension({ durability: '"Bronze"' }), resources: [] }), 'sf-min-capacity'),
    [],
  );
  assert.deepEqual(findingsOf(sfTemplate({ capacity: UNKNOWN }), 'sf-min-capacity'), []);
  assert.deepEqual(findingsOf(sfTemplate({ capacity: '2', extension: sfExtension({ durability: UNKNOWN }) }), 'sf-min-capacity'), []);
});

test('sf-overprovision: explicit true, and absent (defaults to true), with fixes', () => {
  const text = sfTemplate({ properties: ['"overprovision": "true"'] });
  const [finding] = findingsOf(text, 'sf-overprovision');
  assert.equal(textAt(text, finding!), '"true"');
  assert.match(fullText(finding!), /"Overprovisioning not allowed on Virtual Machine Scale Sets with Service Fabric extension\."/);
  assert.match(fixAndRecheck(text, 'sf-overprovision'), /"overprovision": false/);
  const absent = sfTemplate({ properties: [] });
  const [missing] = findingsOf(absent, 'sf-overprovision');
  assert.equal(textAt(absent, missing!), '"properties"');
  assert.match(fullText(missing!), /leaves overprovision at its default, true/);
  assert.match(fixAndRecheck(absent, 'sf-overprovision'), /"overprovision": false/);
});

test('sf-overprovision: silent for false (also the string "false"), without SF, and unknown', () => {
  assert.deepEqual(findingsOf(sfTemplate({ properties: ['"overprovision": "false"'] }), 'sf-overprovision'), []);
  assert.deepEqual(findingsOf(sfTemplate({ properties: [], extension: appHealth() }), 'sf-overprovision'), []);
  assert.deepEqual(findingsOf(sfTemplate({ properties: [`"overprovision": ${UNKNOWN}`] }), 'sf-overprovision'), []);
});
