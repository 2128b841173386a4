// Bicep written to mirror JSON fixtures (test/fixtures/bicep/*.bicep beside *.json) gives the same
// model (resolved values and their sources) and the same rule findings as the JSON engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules } from '../../../../server/src/core/rules/runner';
import type { RValue, ScaleSetModel, TemplateModel } from '../../../../server/src/core/model/templateModel';
import { asString, toPlain } from '../../../../server/src/core/model/values';

const DIR = join(import.meta.dirname, '../../../fixtures/bicep');
const REAL = join(import.meta.dirname, '../../../fixtures/real-templates');
const plain = (v: RValue | undefined) => (v === undefined ? 'absent' : toPlain(v));
const sourced = (v: RValue | undefined) => (v === undefined ? 'absent' : { value: toPlain(v), source: v.source });

/** What a scale set says about upgrades, without spans and names (Bicep and JSON spell those differently). */
function summary(s: ScaleSetModel) {
  return {
    apiVersion: plain(s.apiVersion),
    capacity: sourced(s.capacity),
    zones: plain(s.zones),
    condition: plain(s.condition),
    copyCount: sourced(s.copy?.count),
    orchestrationMode: plain(s.orchestrationMode?.value),
    overprovision: plain(s.overprovision?.value),
    mode: sourced(s.mode?.value),
    rolling: plain(s.rollingUpgradePolicy?.value),
    aos: plain(s.automaticOSUpgradePolicy?.value),
    aosEnabledSource:
      (s.automaticOSUpgradePolicy?.value.kind === 'object' &&
        s.automaticOSUpgradePolicy.value.properties.find((p) => p.name === 'enableAutomaticOSUpgrade')?.value.source) ||
      'absent',
    legacy: plain(s.legacyAutomaticOSUpgrade?.value),
    stray: s.strayPolicies.map((p) => [p.parentPath.join('.'), p.property.name, toPlain(p.property.value)]),
    repairs: plain(s.automaticRepairsPolicy?.value),
    externalHealth: plain(s.externalHealthPolicy?.value),
    hooks: plain(s.lifecycleHooksProfile?.value),
    resiliency: plain(s.resiliencyPolicy?.value),
    scheduledEvents: [plain(s.scheduledEventsPolicy?.value), plain(s.scheduledEventsProfile?.value)],
    zonalAlign: plain(s.zonalPlatformFaultDomainAlignMode?.value),
    healthProbeId: plain(s.healthProbeId?.value),
    primaryIpConfiguration:
      s.primaryIpConfiguration?.kind === 'found'
        ? [plain(s.primaryIpConfiguration.name), s.primaryIpConfiguration.backendPoolIds.map(plain), s.primaryIpConfiguration.poolsUnknown]
        : (s.primaryIpConfiguration?.kind ?? 'absent'),
    osKind: s.osKind,
    extensions: s.extensions.map((x) => [asString(x.name), asString(x.type), asString(x.publisher), toPlain(x.settings), x.origin]),
  };
}

function neighbours(m: TemplateModel) {
  return {
    loadBalancers: m.loadBalancers.map((lb) => ({
      name: plain(lb.name),
      sku: plain(lb.skuName),
      probes: lb.probes.map((p) => [plain(p.name), plain(p.protocol), plain(p.port), plain(p.requestPath)]),
      rules: (lb.rules ?? []).map((r) => [plain(r.name), plain(r.probeId), r.backendPoolIds.map(plain), r.unknown]),
      rulesUnknown: lb.rulesUnknown,
    })),
    clusters: m.serviceFabricClusters.map((c) => ({
      name: plain(c.name),
      nodeTypes: c.nodeTypes.map((n) => [plain(n.name), plain(n.durabilityLevel), sourced(n.vmInstanceCount)]),
    })),
    parameters: m.parameters.map((p) => [p.name, p.type, sourced(p.value)]),
  };
}

const pairs = readdirSync(DIR)
  .filter((f) => f.endsWith('.bicep'))
  .map((f) => f.slice(0, -'.bicep'.length));

test('there are mirrored pairs to compare, one of them a real JSON fixture', () => {
  assert.ok(pairs.length >= 5);
  assert.ok(pairs.some((p) => p.startsWith('real-')));
});

for (const name of pairs) {
  test(`${name}: the Bicep and the JSON give the same model and the same findings`, () => {
    const bicepText = readFileSync(join(DIR, `${name}.bicep`), 'utf8');
    // `real-<name>.bicep` mirrors the real JSON fixture <name>.json; the others have their JSON beside them.
    const jsonPath = name.startsWith('real-') ? join(REAL, `${name.slice('real-'.length)}.json`) : join(DIR, `${name}.json`);
    const jsonText = readFileSync(jsonPath, 'utf8');
    const bicep = analyzeBicep(bicepText);
    const json = analyzeTemplate(jsonText);
    assert.deepEqual(bicep.parseErrors, []);
    assert.deepEqual(json.parseErrors, []);
    assert.ok(bicep.scaleSets.length > 0);
    assert.deepEqual(bicep.scaleSets.map(summary), json.scaleSets.map(summary));
    assert.deepEqual(neighbours(bicep), neighbours(json));
    const ids = (m: TemplateModel, text: string) =>
      runRules(m, text)
        .map((f) => `${f.ruleId}${f.fixes.length ? ' (fix)' : ''}`)
        .sort();
    assert.deepEqual(ids(bicep, bicepText), ids(json, jsonText));
  });
}

test('findings on Bicep point at Bicep text', () => {
  const text = readFileSync(join(DIR, 'loop-stray-policies.bicep'), 'utf8');
  const findings = runRules(analyzeBicep(text), text);
  const casing = findings.find((f) => f.ruleId === 'property-name-casing');
  assert.ok(casing, 'the lower-case mode is reported');
  assert.equal(text.slice(casing.span.offset, casing.span.offset + casing.span.length), "'rolling'");
});
