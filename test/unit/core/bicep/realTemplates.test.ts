// Every real .bicep file in test/fixtures/real-templates (byte for byte from public repositories, see
// SOURCES.md) pinned: the scale sets found and their resolved capacity, mode, policies and health.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { runRules } from '../../../../server/src/core/rules/runner';
import type { RValue, ScaleSetModel, TemplateModel } from '../../../../server/src/core/model/templateModel';
import { asString, toPlain } from '../../../../server/src/core/model/values';

const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');

interface Expected {
  name: string;
  capacity: number | null;
  capacitySource: RValue['source'];
  mode: string | null;
  rolling: Record<string, unknown> | null;
  aos: Record<string, unknown> | null;
  orchestration: string | null;
  extensions: string[];
  extra?: (s: ScaleSetModel, model: TemplateModel) => void;
}

function load(file: string, parametersFile?: string): TemplateModel {
  const text = readFileSync(join(DIR, file), 'utf8');
  const parametersText = parametersFile === undefined ? undefined : readFileSync(join(DIR, parametersFile), 'utf8');
  return analyzeBicep(text, parametersText === undefined ? {} : { parametersText });
}

function check(label: string, model: () => TemplateModel, expected: Expected[]) {
  test(label, () => {
    const m = model();
    assert.equal(m.kind, 'template');
    assert.deepEqual(m.parseErrors, []);
    assert.equal(m.scaleSets.length, expected.length, 'number of scale sets');
    m.scaleSets.forEach((s, i) => {
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
      assert.equal(asString(s.orchestrationMode?.value) ?? null, e.orchestration, `${e.name} orchestration mode`);
      assert.deepEqual(
        s.extensions.map((x) => asString(x.type) ?? '?'),
        e.extensions,
        `${e.name} extensions`,
      );
      e.extra?.(s, m);
    });
  });
}

const spanText = (file: string, span: { offset: number; length: number }) =>
  readFileSync(join(DIR, file), 'utf8').slice(span.offset, span.offset + span.length);

check('vmss-flex-n-tier-vmssflex.bicep', () => load('vmss-flex-n-tier-vmssflex.bicep'), [
  {
    name: 'myVmssFlex',
    capacity: 3,
    capacitySource: 'default',
    mode: null,
    rolling: null,
    aos: null,
    orchestration: 'Flexible',
    extensions: ['ApplicationHealthLinux'],
    extra: (s) => {
      assert.equal(s.upgradePolicy, undefined, 'no upgradePolicy: service defaults apply');
      assert.deepEqual(toPlain(s.extensions[0]!.settings), { protocol: 'http', port: 80, requestPath: '/health' });
      assert.deepEqual(toPlain(s.automaticRepairsPolicy?.value), { enabled: true, gracePeriod: 'PT30M' });
      assert.deepEqual(toPlain(s.zones), [], 'zones from a param defaulting to []');
      assert.equal(asString(s.apiVersion), '2021-03-01');
      assert.equal(s.osKind, 'linux');
    },
  },
]);

check('qs-vmss-windows-app-gateway.bicep (no parameters)', () => load('qs-vmss-windows-app-gateway.bicep'), [
  {
    name: 'namingInfix',
    capacity: null,
    capacitySource: 'unknown',
    mode: 'Automatic',
    rolling: null,
    aos: null,
    orchestration: null,
    extensions: [],
    extra: (s) => {
      assert.equal(s.healthProbeId, undefined, 'App Gateway backend only, no health source');
      assert.equal(toPlain(s.overprovision?.value), true);
      assert.equal(toPlain(s.singlePlacementGroup?.value), false);
      assert.equal(s.osKind, 'windows');
      assert.equal(spanText('qs-vmss-windows-app-gateway.bicep', s.mode!.value.span), "'Automatic'", 'the mode points at its Bicep text');
    },
  },
]);

check(
  'qs-vmss-windows-app-gateway.bicep with its JSON parameters file',
  () => load('qs-vmss-windows-app-gateway.bicep', 'qs-vmss-windows-app-gateway.parameters.json'),
  [
    {
      name: 'namingInfix',
      capacity: 3,
      capacitySource: 'parametersFile',
      mode: 'Automatic',
      rolling: null,
      aos: null,
      orchestration: null,
      extensions: [],
    },
  ],
);

check('qs-vmss-windows-autoscale.bicep', () => load('qs-vmss-windows-autoscale.bicep'), [
  {
    name: 'vmssName',
    capacity: null,
    capacitySource: 'unknown',
    mode: 'Manual',
    rolling: null,
    aos: null,
    orchestration: null,
    extensions: [],
    extra: (s) => assert.equal(asString(s.apiVersion), '2021-03-01'),
  },
]);

check('oslabs-vmss-image-upgrade.bicep', () => load('oslabs-vmss-image-upgrade.bicep'), [
  {
    name: 'vmss1',
    capacity: 1,
    capacitySource: 'default',
    mode: 'Automatic',
    rolling: null,
    aos: { enableAutomaticOSUpgrade: true },
    orchestration: null,
    extensions: [],
    extra: (s, m) => {
      assert.equal(s.healthProbeId, undefined, 'the LB probes are not attached to the scale set');
      assert.equal(m.loadBalancers.length, 1);
      assert.deepEqual(
        m.loadBalancers[0]!.probes.map((p) => asString(p.name)),
        ['Probe_80', 'Probe_443'],
      );
      assert.equal(asString(s.apiVersion), '2019-12-01');
    },
  },
]);

check('lukearp-vmss-log-forwarder.bicep', () => load('lukearp-vmss-log-forwarder.bicep'), [
  {
    name: 'name',
    capacity: null,
    capacitySource: 'unknown',
    mode: 'Rolling',
    rolling: { maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20 },
    aos: null,
    orchestration: null,
    extensions: ['ApplicationHealthLinux'],
    extra: (s) => {
      assert.deepEqual(toPlain(s.extensions[0]!.settings), { protocol: 'tcp', port: 22 });
      assert.deepEqual(toPlain(s.zones), ['1', '2', '3']);
      assert.equal(toPlain(s.platformFaultDomainCount?.value), 5);
      assert.equal(toPlain(s.zoneBalance?.value), true);
      assert.equal(s.name?.kind, 'unknown', 'the name is a parameter without default');
    },
  },
]);

check(
  'lukearp-paloalto-ha-vmss.bicep: properties come from a ternary on the unknown region',
  () => load('lukearp-paloalto-ha-vmss.bicep'),
  [
    {
      name: 'paloNamePrefix',
      capacity: null,
      capacitySource: 'unknown',
      mode: null,
      rolling: null,
      aos: null,
      orchestration: null,
      extensions: ['?'],
      extra: (s, m) => {
        assert.equal(s.properties?.span && spanText('lukearp-paloalto-ha-vmss.bicep', s.properties.span), 'zoneLb');
        // Unknown until the location is known: unknown, not absent, so no rule reports a missing policy or health source.
        assert.equal(s.upgradePolicy?.value.kind, 'unknown');
        assert.equal(s.mode?.value.kind, 'unknown');
        assert.equal(s.healthProbeId?.value.kind, 'unknown');
        assert.equal(m.loadBalancers.length, 2);
      },
    },
  ],
);

test('lukearp-paloalto-ha-vmss.bicep with a zonal region from a .bicepparam file picks the zonal branch', () => {
  const text = readFileSync(join(DIR, 'lukearp-paloalto-ha-vmss.bicep'), 'utf8');
  const m = analyzeBicep(text, {
    parametersText: "using './lukearp-paloalto-ha-vmss.bicep'\nparam location = 'eastus'\nparam count = 2\nparam paloNamePrefix = 'palo'\n",
  });
  assert.deepEqual(m.parametersFileErrors, []);
  const s = m.scaleSets[0]!;
  assert.equal(s.displayName, 'palo');
  assert.equal(toPlain(s.capacity), 2);
  assert.equal(s.capacity?.source, 'parametersFile');
  assert.equal(asString(s.mode?.value), 'Rolling');
  // The source is combined over the whole variable (it also reads parameters without values), as in JSON.
  assert.equal(s.mode?.value.source, 'unknown');
  assert.deepEqual(toPlain(s.rollingUpgradePolicy?.value), { prioritizeUnhealthyInstances: true, enableCrossZoneUpgrade: true });
  assert.deepEqual(toPlain(s.automaticOSUpgradePolicy?.value), { enableAutomaticOSUpgrade: false });
  assert.deepEqual(toPlain(s.zones), ['1', '2', '3']);
  assert.equal(toPlain(s.zoneBalance?.value), true);
  assert.equal(toPlain(s.healthProbeId?.value), '/providers/Microsoft.Network/loadBalancers/Palo-Trust-palo/probes/trust');
});

check('avm-vmss-main.bicep (AVM module, defaults)', () => load('avm-vmss-main.bicep'), [
  {
    name: 'name',
    capacity: 1,
    capacitySource: 'default',
    mode: 'Manual',
    rolling: null,
    aos: { enableAutomaticOSUpgrade: false, disableAutomaticRollback: false },
    orchestration: 'Flexible',
    extensions: ['?'],
    extra: (s) => {
      assert.equal(s.mode?.value.source, 'default');
      assert.equal(s.rollingUpgradePolicy?.value.kind, 'null', 'rollingUpgradePolicy is null unless the mode is Rolling');
      assert.deepEqual(toPlain(s.automaticRepairsPolicy?.value), { enabled: true, gracePeriod: 'PT30M' });
      assert.deepEqual(toPlain(s.extensions[0]!.settings), {
        protocol: 'http',
        port: 80,
        requestPath: '/',
        intervalInSeconds: 5,
        numberOfProbes: 1,
        gracePeriod: 5,
      });
      assert.equal(s.extensions[0]!.type?.kind, 'unknown', 'Windows or Linux depends on osType, which has no default');
      assert.equal(s.zones?.kind, 'unknown', 'zones are built by map() with a lambda');
    },
  },
]);

test('avm-vmss-main.bicep in Rolling mode gives the rolling defaults 20/20/20/PT0S', () => {
  const text = readFileSync(join(DIR, 'avm-vmss-main.bicep'), 'utf8');
  const m = analyzeBicep(text, {
    parametersText: "using 'avm-vmss-main.bicep'\nparam upgradePolicyMode = 'Rolling'\nparam osType = 'Linux'\n",
  });
  const s = m.scaleSets[0]!;
  assert.equal(asString(s.mode?.value), 'Rolling');
  assert.equal(s.mode?.value.source, 'parametersFile');
  assert.deepEqual(toPlain(s.rollingUpgradePolicy?.value), {
    enableCrossZoneUpgrade: false,
    maxBatchInstancePercent: 20,
    maxSurge: false,
    maxUnhealthyInstancePercent: 20,
    maxUnhealthyUpgradedInstancePercent: 20,
    pauseTimeBetweenBatches: 'PT0S',
    prioritizeUnhealthyInstances: false,
    rollbackFailedInstancesOnPolicyBreach: false,
  });
  assert.equal(asString(s.extensions[0]!.type), 'ApplicationHealthLinux');
  assert.equal(s.osKind, 'linux');
});

/** The rule ids each real Bicep file yields (defaults only: no parameters files), in report order. */
const RULE_IDS: Record<string, string[]> = {
  'avm-vmss-main.bicep': [],
  'lukearp-paloalto-ha-vmss.bicep': [],
  'lukearp-vmss-log-forwarder.bicep': [],
  'oslabs-vmss-image-upgrade.bicep': ['automatic-mode-all-at-once', 'aos-requires-health', 'first-batch-failure-halts'],
  'qs-vmss-windows-app-gateway.bicep': ['automatic-mode-all-at-once'],
  'qs-vmss-windows-autoscale.bicep': [],
  'vmss-flex-n-tier-vmssflex.bicep': [],
};

test('every real .bicep fixture has its rule ids pinned', () => {
  assert.deepEqual(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.bicep'))
      .sort(),
    Object.keys(RULE_IDS).sort(),
  );
});

for (const [file, ids] of Object.entries(RULE_IDS)) {
  test(`${file}: rule findings`, () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    assert.deepEqual(
      runRules(analyzeBicep(text), text).map((f) => f.ruleId),
      ids,
    );
  });
}
