// Change impact (core/impact): matching, classification from the table, the effect under the new mode, the rollout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../../../server/src/core/languageService';
import { compareScaleSets, type ImpactReport } from '../../../../server/src/core/impact';
import { planUpgrade, simInputFromScaleSet } from '../../../../server/src/core/sim';

const ls = getLanguageService();
const REAL = 'test/fixtures/real-templates';

const json = (text: string) => ls.createDocument('t.json', undefined, text).model;
const bicep = (text: string) => ls.createDocument('t.bicep', undefined, text).model;

/** A plain JSON object the tests edit freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** A small ARM template with one scale set; `edit` changes the resource object before it is written. */
function armTemplate(edit: (r: Obj) => void = () => {}): string {
  const resource: Obj = {
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    apiVersion: '2024-07-01',
    name: 'web',
    location: 'westeurope',
    sku: { name: 'Standard_D2s_v5', capacity: 10 },
    zones: ['1', '2', '3'],
    properties: {
      orchestrationMode: 'Uniform',
      singlePlacementGroup: false,
      platformFaultDomainCount: 1,
      upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 20 } },
      virtualMachineProfile: {
        osProfile: { computerNamePrefix: 'web', adminUsername: 'azureuser', adminPassword: 'p@ss', customData: 'aGVsbG8=' },
        storageProfile: {
          imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: '24.04.202401010' },
          osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } },
        },
        extensionProfile: {
          extensions: [
            {
              name: 'health',
              properties: {
                publisher: 'Microsoft.ManagedServices',
                type: 'ApplicationHealthLinux',
                typeHandlerVersion: '2.0',
                settings: { protocol: 'http', port: 80 },
              },
            },
          ],
        },
      },
    },
  };
  edit(resource);
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [resource],
    },
    null,
    2,
  );
}

const one = (report: ImpactReport) => {
  assert.equal(report.scaleSets.length, 1);
  return report.scaleSets[0]!;
};
const byPath = (report: ImpactReport, path: string) => one(report).changes.find((c) => c.path === path);

test('every real template compared with itself: no changes, every scale set unchanged', () => {
  let sets = 0;
  for (const file of readdirSync(REAL).filter((f) => /\.(json|bicep)$/.test(f) && !f.includes('.parameters.'))) {
    const path = join(REAL, file);
    const params = path.replace(/\.(json|bicep)$/, '.parameters.json');
    const options = existsSync(params) ? { parametersText: readFileSync(params, 'utf8') } : {};
    const a = ls.createDocument(path, undefined, readFileSync(path, 'utf8'), options).model;
    const b = ls.createDocument(path, undefined, readFileSync(path, 'utf8'), options).model;
    const report = compareScaleSets(a, b);
    for (const s of report.scaleSets) {
      assert.equal(s.status, 'unchanged', `${file}: ${s.name} ${JSON.stringify(s.changes.map((c) => c.path))}`);
      assert.equal(s.rollout, null);
    }
    sets += report.scaleSets.length;
  }
  assert.ok(sets >= 20, `only ${sets} scale sets in the real templates`);
});

test('an image version change under Rolling: a model change, and the rollout is the simulator plan', () => {
  const after = json(armTemplate((r) => (r.properties.virtualMachineProfile.storageProfile.imageReference.version = '24.04.202402020')));
  const report = compareScaleSets(json(armTemplate()), after);
  const s = one(report);
  assert.equal(s.status, 'changed');
  assert.equal(s.changes.length, 1);
  const c = s.changes[0]!;
  assert.equal(c.path, 'properties.virtualMachineProfile.storageProfile.imageReference.version');
  assert.equal(c.before, '24.04.202401010');
  assert.equal(c.after, '24.04.202402020');
  assert.equal(c.class, 'model');
  assert.match(c.effect, /OS disk/);
  assert.match(c.effect, /batch by batch/);
  assert.equal(c.unverified, false);
  assert.match(c.source.url, /^https:\/\/learn\.microsoft\.com\//);
  // The rollout is the engine's own plan of this model update: the same batches, the same duration.
  const plan = planUpgrade(simInputFromScaleSet(after.scaleSets[0]!, { trigger: 'model' }).input, { explain: true });
  assert.ok(s.rollout);
  assert.equal(s.rollout.mode, 'Rolling');
  assert.deepEqual(s.rollout.plan, plan);
  assert.ok(plan.batches.length > 1);
  assert.equal(s.rollout.run.status, 'Completed');
  assert.equal(s.rollout.run.batches.length, plan.batches.length, 'a healthy run goes through the planned batches');
  assert.ok(s.rollout.summary.startsWith(`Rolling model update of 10 instances in ${plan.batches.length} batches`), s.rollout.summary);
});

test('the same change under Manual and Automatic: what the existing instances go through', () => {
  const withMode = (mode: string, version: string) =>
    json(
      armTemplate((r) => {
        r.properties.upgradePolicy = { mode };
        r.properties.virtualMachineProfile.storageProfile.imageReference.version = version;
      }),
    );
  const manual = one(compareScaleSets(withMode('Manual', '1.0.0'), withMode('Manual', '1.0.1')));
  assert.match(manual.changes[0]!.effect, /keep the old model until someone upgrades them/);
  assert.equal(manual.rollout?.mode, 'Manual');
  assert.equal(manual.rollout?.summary, '0 of 10 instances change until manual upgrade.');
  const automatic = one(compareScaleSets(withMode('Manual', '1.0.0'), withMode('Automatic', '1.0.1')));
  const version = automatic.changes.find((c) => c.path.endsWith('imageReference.version'))!;
  assert.match(version.effect, /all existing instances at once/, 'the NEW mode decides');
  const modeChange = automatic.changes.find((c) => c.path === 'properties.upgradePolicy.mode')!;
  assert.equal(modeChange.class, 'none');
  assert.equal(modeChange.unverified, true, 'whether leaving Manual starts upgrading stale instances is not documented');
  assert.match(modeChange.effect, /Leaving Manual may start upgrading/);
  assert.equal(automatic.rollout?.mode, 'Automatic');
});

test('refused changes carry Azure error text; a policy-only change has no rollout', () => {
  const base = json(armTemplate());
  const fd = compareScaleSets(base, json(armTemplate((r) => (r.properties.platformFaultDomainCount = 5))));
  const c = byPath(fd, 'properties.platformFaultDomainCount')!;
  assert.equal(c.class, 'refused');
  assert.match(c.azureError!, /PropertyChangeNotAllowed/);
  assert.equal(one(fd).rollout, null, 'nothing rolls out');

  const zonesDropped = byPath(compareScaleSets(base, json(armTemplate((r) => (r.zones = ['1', '2'])))), 'zones')!;
  assert.equal(zonesDropped.class, 'refused');
  assert.equal(zonesDropped.azureError, "Changing property 'zones' is not allowed.");
  const zonesAdded = byPath(compareScaleSets(json(armTemplate((r) => (r.zones = ['1', '2']))), base), 'zones')!;
  assert.equal(zonesAdded.class, 'instances');

  const spgOn = byPath(
    compareScaleSets(base, json(armTemplate((r) => (r.properties.singlePlacementGroup = true)))),
    'properties.singlePlacementGroup',
  )!;
  assert.equal(spgOn.class, 'refused', 'false → true is not allowed');
  const spgOff = byPath(
    compareScaleSets(json(armTemplate((r) => (r.properties.singlePlacementGroup = true))), base),
    'properties.singlePlacementGroup',
  )!;
  assert.equal(spgOff.class, 'none', 'true → false is allowed');

  const policy = compareScaleSets(
    base,
    json(armTemplate((r) => (r.properties.upgradePolicy.rollingUpgradePolicy.maxBatchInstancePercent = 50))),
  );
  assert.equal(one(policy).changes[0]!.class, 'none');
  assert.equal(one(policy).rollout, null);
});

test('custom data and passwords need a reimage; secrets are never printed', () => {
  const report = compareScaleSets(
    json(armTemplate()),
    json(
      armTemplate((r) => {
        r.properties.virtualMachineProfile.osProfile.customData = 'd29ybGQ=';
        r.properties.virtualMachineProfile.osProfile.adminPassword = 'n3w-secret';
      }),
    ),
  );
  const custom = byPath(report, 'properties.virtualMachineProfile.osProfile.customData')!;
  assert.equal(custom.class, 'reimage');
  assert.match(custom.effect, /needs a reimage, which replaces its OS disk/);
  const password = byPath(report, 'properties.virtualMachineProfile.osProfile.adminPassword')!;
  assert.equal(password.class, 'reimage');
  assert.equal(password.before, '(hidden)');
  assert.equal(password.after, '(hidden)');
  assert.ok(!JSON.stringify(report).includes('n3w-secret'));
  assert.ok(one(report).rollout, 'a reimage change has a rollout');
});

test('Flexible: a proximity placement group change is refused, Uniform needs deallocation', () => {
  const ppg = (mode: string, id: string) =>
    json(
      armTemplate((r) => {
        r.properties.orchestrationMode = mode;
        r.properties.proximityPlacementGroup = { id };
      }),
    );
  assert.equal(
    byPath(compareScaleSets(ppg('Uniform', '/a'), ppg('Uniform', '/b')), 'properties.proximityPlacementGroup.id')?.class,
    'deallocate',
  );
  assert.equal(
    byPath(compareScaleSets(ppg('Flexible', '/a'), ppg('Flexible', '/b')), 'properties.proximityPlacementGroup.id')?.class,
    'refused',
  );
});

test('extensions match by name: a settings change is one change at that extension', () => {
  const report = compareScaleSets(
    json(armTemplate()),
    json(armTemplate((r) => (r.properties.virtualMachineProfile.extensionProfile.extensions[0].properties.settings.port = 8080))),
  );
  const c = one(report).changes;
  assert.equal(c.length, 1);
  assert.equal(c[0]!.path, 'properties.virtualMachineProfile.extensionProfile.extensions[health].properties.settings.port');
  assert.equal(c[0]!.class, 'model');
});

test('a renamed scale set is a new resource: the old one removed, the new one added', () => {
  const report = compareScaleSets(json(armTemplate()), json(armTemplate((r) => (r.name = 'web2'))));
  assert.deepEqual(
    report.scaleSets.map((s) => [s.name, s.status]),
    [
      ['web2', 'added'],
      ['web', 'removed'],
    ],
  );
  assert.equal(report.scaleSets[0]!.changes[0]?.class, 'newResource');
});

test('a value an expression computes that cannot be evaluated: "may change", never a guess', () => {
  const withParam = (expr: string) => {
    const t = JSON.parse(armTemplate((r) => (r.sku.name = expr)));
    t.parameters = { size: { type: 'string' } };
    return json(JSON.stringify(t));
  };
  assert.equal(one(compareScaleSets(withParam("[parameters('size')]"), withParam("[parameters('size')]"))).status, 'unchanged');
  const c = one(compareScaleSets(json(armTemplate()), withParam("[parameters('size')]"))).changes[0]!;
  assert.equal(c.path, 'sku.name');
  assert.equal(c.mayChange, true);
  assert.equal(c.unverified, true);
  assert.equal(c.after, "[parameters('size')]");
  assert.match(c.effect, /^May change/);
});

test('the same change in JSON and in Bicep gets the same classification', () => {
  const bicepText = (version: string, fd: number, mode: string) => `
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 10 }
  zones: ['1', '2', '3']
  properties: {
    orchestrationMode: 'Uniform'
    singlePlacementGroup: false
    platformFaultDomainCount: ${fd}
    upgradePolicy: { mode: '${mode}', rollingUpgradePolicy: { maxBatchInstancePercent: 20 } }
    virtualMachineProfile: {
      storageProfile: {
        imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: '${version}' }
      }
    }
  }
}`;
  const jsonText = (version: string, fd: number, mode: string) =>
    armTemplate((r) => {
      r.properties.platformFaultDomainCount = fd;
      r.properties.upgradePolicy.mode = mode;
      r.properties.virtualMachineProfile = {
        storageProfile: { imageReference: { ...r.properties.virtualMachineProfile.storageProfile.imageReference, version } },
      };
    });
  const summary = (report: ImpactReport) => one(report).changes.map((c) => [c.path, c.class, c.before, c.after, c.effect]);
  const j = compareScaleSets(json(jsonText('1.0.0', 1, 'Rolling')), json(jsonText('1.0.1', 2, 'Manual')));
  const b = compareScaleSets(bicep(bicepText('1.0.0', 1, 'Rolling')), bicep(bicepText('1.0.1', 2, 'Manual')));
  assert.equal(one(j).changes.length, 3);
  assert.deepEqual(summary(b), summary(j));
  assert.deepEqual(one(b).rollout?.plan, one(j).rollout?.plan);
});

test('az vmss show output as the base: read-only fields are not changes', () => {
  const show = JSON.stringify({
    id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web',
    name: 'web',
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    location: 'westeurope',
    sku: { name: 'Standard_D2s_v5', capacity: 10, tier: 'Standard' },
    provisioningState: 'Succeeded',
    uniqueId: 'abc',
    upgradePolicy: { mode: 'Manual' },
    platformFaultDomainCount: 1,
  });
  const base = ls.createDocument('show.json', undefined, show).model;
  assert.equal(base.scaleSets[0]?.shape, 'vmssShow');
  const after = json(armTemplate((r) => (r.properties = { upgradePolicy: { mode: 'Rolling' }, platformFaultDomainCount: 1 })));
  const changes = one(compareScaleSets(base, after)).changes.map((c) => c.path);
  assert.ok(changes.includes('properties.upgradePolicy.mode'), changes.join());
  assert.ok(!changes.some((p) => /provisioningState|uniqueId|^id$|^type$/.test(p)), changes.join());
  assert.ok(!changes.includes('properties.platformFaultDomainCount'));
  assert.ok(!changes.includes('sku.tier'), 'a setting the template does not write is not a change against the live scale set');
  assert.ok(!changes.some((p) => /^(apiVersion|properties\.(id|name|type))$/.test(p)), changes.join());
  assert.deepEqual(changes, ['properties.upgradePolicy.mode', 'zones'], 'the template adds zones the live scale set lacks');
});
