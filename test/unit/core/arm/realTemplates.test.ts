// Every real JSON template in test/fixtures/real-templates (byte for byte from public repositories, see
// SOURCES.md) pinned: the scale sets found and their resolved capacity, mode and policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTemplate } from '../../../../server/src/cli/loadTemplate';
import type { RValue, ScaleSetModel } from '../../../../server/src/core/model/templateModel';
import { asString, getProp, toPlain } from '../../../../server/src/core/model/values';

const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');

interface Expected {
  name: string;
  capacity: number | null;
  capacitySource: RValue['source'];
  mode: string | null;
  rolling: Record<string, unknown> | null;
  aos: Record<string, unknown> | null;
  extra?: (s: ScaleSetModel) => void;
}

function check(file: string, kind: string, expected: Expected[]) {
  test(file, () => {
    const { model } = loadTemplate(join(DIR, file)).doc;
    assert.equal(model.kind, kind);
    assert.deepEqual(model.parseErrors, []);
    assert.equal(model.scaleSets.length, expected.length, 'number of scale sets');
    model.scaleSets.forEach((s, i) => {
      const e = expected[i]!;
      assert.equal(s.displayName, e.name);
      assert.equal(s.capacity?.kind === 'number' ? s.capacity.value : null, e.capacity, `${e.name} capacity`);
      assert.equal(s.capacity?.source, e.capacitySource, `${e.name} capacity source`);
      assert.equal(asString(s.mode?.value) ?? null, e.mode, `${e.name} mode`);
      assert.deepEqual(s.rollingUpgradePolicy ? toPlain(s.rollingUpgradePolicy.value) : null, e.rolling, `${e.name} rolling policy`);
      assert.deepEqual(
        s.automaticOSUpgradePolicy ? toPlain(s.automaticOSUpgradePolicy.value) : null,
        e.aos,
        `${e.name} automatic OS policy`,
      );
      e.extra?.(s);
    });
  });
}

const prefix = "[parameters('vmssNamePrefix')]";
const types = (s: ScaleSetModel) => s.extensions.map((x) => asString(x.type));

check('daveread-custom-image-manualrolling.json', 'template', [
  {
    name: prefix,
    capacity: 3,
    capacitySource: 'default',
    mode: 'Rolling',
    rolling: {
      maxBatchInstancePercent: 20,
      maxUnhealthyInstancePercent: 20,
      maxUnhealthyUpgradedInstancePercent: 20,
      pauseTimeBetweenBatches: 'PT0S',
    },
    aos: null,
    extra: (s) => {
      assert.equal(toPlain(s.legacyAutomaticOSUpgrade?.value), 'false');
      assert.ok(getProp(s.imageReference?.value, 'id'), 'custom image id');
      assert.equal(s.healthProbeId?.value.kind, 'unknown', 'probe id depends on a parameter without default');
    },
  },
]);
check('qs-multi-vmss-linux-lb-zones.json', 'template', [
  {
    name: "[concat('myScaleset','-zone', variables('myZones')[copyindex()])]",
    capacity: 2,
    capacitySource: 'default',
    mode: 'Manual',
    rolling: null,
    aos: null,
    extra: (s) => assert.equal(s.copy?.count?.kind === 'number' && s.copy.count.value, 2),
  },
]);
check('qs-vmss-automatic-repairs-slb-health-probe.json', 'template', [
  {
    name: "[parameters('vmssName')]",
    capacity: 2,
    capacitySource: 'default',
    mode: 'Manual',
    rolling: null,
    aos: null,
    extra: (s) => {
      assert.deepEqual(toPlain(s.automaticRepairsPolicy?.value), { enabled: true, gracePeriod: 'PT30M' });
      assert.ok(s.healthProbeId);
    },
  },
]);
check('qs-vmss-ubuntu-app-gateway.json', 'template', [
  {
    name: "[variables('namingInfix')]",
    capacity: 3,
    capacitySource: 'parametersFile',
    mode: 'Automatic',
    rolling: null,
    aos: null,
    extra: (s) => assert.equal(toPlain(s.overprovision?.value), 'true'),
  },
]);
check('qs-vmss-ubuntu-autoscale.json', 'template', [
  { name: "[variables('namingInfix')]", capacity: null, capacitySource: 'unknown', mode: 'Manual', rolling: null, aos: null },
]);
check('restspec-vmss-update-maximumset-2024-11-01.json', 'restBody', [
  {
    name: 'parameters.parameters',
    capacity: 7,
    capacitySource: 'literal',
    mode: 'Manual',
    rolling: {
      maxBatchInstancePercent: 49,
      maxUnhealthyInstancePercent: 81,
      maxUnhealthyUpgradedInstancePercent: 98,
      pauseTimeBetweenBatches: 'aaaaaaaaaaaaaaa',
      enableCrossZoneUpgrade: true,
      prioritizeUnhealthyInstances: true,
      rollbackFailedInstancesOnPolicyBreach: true,
      maxSurge: true,
    },
    aos: { enableAutomaticOSUpgrade: true, disableAutomaticRollback: true, osRollingUpgradeDeferral: true },
    extra: (s) => {
      assert.match(asString(s.healthProbeId?.value) ?? '', /Microsoft\.Compute\/disks\/disk123$/);
      assert.deepEqual(toPlain(s.zones), ['1', '2', '3']);
      assert.equal(s.osKind, 'windows');
    },
  },
]);
check('sf-10vm-2nt-win-stateless.json', 'template', [
  {
    name: 'nt1vm',
    capacity: 5,
    capacitySource: 'parametersFile',
    mode: 'Automatic',
    rolling: null,
    aos: null,
    extra: (s) => assert.deepEqual(types(s), ['ServiceFabricNode', 'IaaSDiagnostics', 'IaaSAntimalware']),
  },
  {
    name: 'nt2vm',
    capacity: 5,
    capacitySource: 'parametersFile',
    mode: 'Rolling',
    rolling: null,
    aos: null,
    extra: (s) => {
      assert.deepEqual(types(s), ['ServiceFabricNode', 'ApplicationHealthWindows', 'IaaSDiagnostics', 'IaaSAntimalware']);
      assert.deepEqual(toPlain(s.extensions[1]!.settings), { protocol: 'tcp', port: '19000' });
      assert.equal(toPlain(s.singlePlacementGroup?.value), false);
    },
  },
]);
check(
  'sf-15vm-win-cross-az.json',
  'template',
  ['nt1', 'nt11', 'nt12'].map((name, i) => ({
    name,
    capacity: 5,
    capacitySource: 'default' as const,
    mode: 'Automatic',
    rolling: null,
    aos: null,
    extra: (s: ScaleSetModel) => assert.deepEqual(toPlain(s.zones), [String(i + 1)]),
  })),
);
check('sf-5vm-ubuntu-1nt.json', 'template', [
  {
    name: 'nt1vm',
    capacity: 5,
    capacitySource: 'parametersFile',
    mode: 'Automatic',
    rolling: null,
    aos: null,
    extra: (s) => assert.deepEqual(types(s), ['ServiceFabricLinuxNode', 'LinuxDiagnostic']),
  },
]);
check('sf-win-managed-identity.json', 'template', [
  {
    name: 'nt1vm',
    capacity: 5,
    capacitySource: 'parametersFile',
    mode: 'Automatic',
    rolling: null,
    aos: { enableAutomaticOSUpgrade: true },
  },
]);
check('vmss-preview-autoupdate.json', 'template', [
  { name: prefix, capacity: null, capacitySource: 'unknown', mode: 'Automatic', rolling: null, aos: { enableAutomaticOSUpgrade: 'true' } },
]);
check('vmss-preview-dailyupdate.json', 'template', [
  {
    name: prefix,
    capacity: null,
    capacitySource: 'unknown',
    mode: 'Automatic',
    rolling: {
      maxBatchInstancePercent: 20,
      maxUnhealthyInstancePercent: 20,
      maxUnhealthyUpgradedInstancePercent: '0',
      pauseTimeBetweenBatches: 'PT0S',
    },
    aos: null,
    extra: (s) => {
      assert.equal(toPlain(s.legacyAutomaticOSUpgrade?.value), 'true');
      assert.equal(s.healthProbeId, undefined);
    },
  },
]);
check('vmss-preview-manualrolling.json', 'template', [
  {
    name: prefix,
    capacity: null,
    capacitySource: 'unknown',
    mode: 'Rolling',
    rolling: {
      maxBatchInstancePercent: 20,
      maxUnhealthyInstancePercent: 20,
      maxUnhealthyUpgradedInstancePercent: 20,
      pauseTimeBetweenBatches: 'PT0S',
    },
    aos: null,
  },
]);
check('vmss-preview-zonesmanualrolling.json', 'template', [
  {
    name: prefix,
    capacity: null,
    capacitySource: 'unknown',
    mode: 'Rolling',
    rolling: {
      maxBatchInstancePercent: 20,
      maxUnhealthyInstancePercent: 25,
      maxUnhealthyUpgradedInstancePercent: 10,
      pauseTimeBetweenBatches: 'PT0S',
    },
    aos: null,
    extra: (s) => assert.deepEqual(toPlain(s.zones), ['1', '2', '3']),
  },
]);

test('the UTF-16 LE parameters file of sf-15vm-win-cross-az is read', () => {
  const loaded = loadTemplate(join(DIR, 'sf-15vm-win-cross-az.json'));
  assert.match(loaded.parametersPath ?? '', /sf-15vm-win-cross-az\.parameters\.json$/);
  assert.deepEqual(loaded.doc.model.parametersFileErrors, []);
});
