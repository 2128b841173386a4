// The automatic-OS-upgrade and rolling-policy rules on the real public templates of
// test/fixtures/real-templates (reference §5, SOURCES.md), read as the CLI reads them (with the parameters
// file beside the template): the findings each yields, judged against the reference, and every fix applied
// to the original bytes re-checks clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplate } from '../../../../server/src/cli/loadTemplate';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules, type Finding } from '../../../../server/src/core/rules';
import { applyNeutralEdits } from '../../../../server/src/core/frontEnds/json/jsonWriter';
import { AOS_RULES } from '../../../../server/src/core/rules/aos';
import { ROLLING_RULES } from '../../../../server/src/core/rules/rolling';
import { parseErrors } from './harness';

const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');
const RULES = [...AOS_RULES, ...ROLLING_RULES];
const NOW = '2026-11-25T00:00:00Z';
const summary = (text: string, findings: readonly Finding[]) =>
  findings.map((f) => `${f.ruleId} ${f.scaleSet}: ${text.slice(f.span.offset, f.span.offset + f.span.length)}`);

const EXPECTED: Record<string, string[]> = {
  // Fork of §5 #7: Rolling 20/20/20 with 3 instances (parameter default): batches of 1, so one failure is
  // 100 % of upgraded instances. Its managed custom image is fine: AOS is off (legacy "false").
  'daveread-custom-image-manualrolling.json': ["first-batch-failure-halts [parameters('vmssNamePrefix')]: 20"],
  // Manual, no policy: a valid quickstart yields nothing.
  'qs-multi-vmss-linux-lb-zones.json': [],
  // §5 #11: Manual with repairs and a probe: valid, nothing.
  'qs-vmss-automatic-repairs-slb-health-probe.json': [],
  // Valid (Automatic needs no health without AOS, §5 #12), but mode Automatic takes all 3 instances at once:
  // an info, with no Rolling fix because there is no health source.
  'qs-vmss-ubuntu-app-gateway.json': ['automatic-mode-all-at-once [variables(\'namingInfix\')]: "Automatic"'],
  'qs-vmss-ubuntu-autoscale.json': [],
  // §5 #14, the REST spec's kitchen sink: Manual + AOS, a rolling policy AOS ignores, maxSurge with
  // overprovision true, rollback disabled, deferral (upgrades wait for approveRollingUpgrade), Windows
  // automatic updates and AutomaticByPlatform with AOS; 7
  // instances in AOS batches of 1. Not reported: cross-zone (zones 1,2,3), 49 ≤ 81, rollback on breach (Uniform),
  // rolling-policy-unused (AOS is on, so aos-rolling-policy-unused speaks), image (version latest).
  'restspec-vmss-update-maximumset-2024-11-01.json': [
    'aos-manual-mode parameters.parameters: "Manual"',
    'aos-rolling-policy-unused parameters.parameters: "rollingUpgradePolicy"',
    'max-surge-overprovision parameters.parameters: true',
    'first-batch-failure-halts parameters.parameters: true',
    'aos-rollback-disabled parameters.parameters: true',
    'aos-upgrade-deferral parameters.parameters: true',
    'aos-windows-automatic-updates parameters.parameters: true',
    'aos-patch-mode parameters.parameters: "AutomaticByPlatform"',
  ],
  // §5 #2: nt1vm is Service Fabric in Automatic mode (S7: the only mode), so not reported; nt2vm is Rolling
  // with the default policy and 5 instances (parameters file): batches of 1.
  'sf-10vm-2nt-win-stateless.json': ['first-batch-failure-halts nt2vm: "Rolling"'],
  // §5 #4, #5: Service Fabric, Automatic, no AOS: nothing.
  'sf-15vm-win-cross-az.json': [],
  'sf-5vm-ubuntu-1nt.json': [],
  // §5 #3: AOS with the built-in 20/20/20 policy on 5 instances: one failure stops it. The image SKU comes
  // from a parameter (2019-Datacenter by default, a listed image); no enableAutomaticUpdates, so Azure sets false.
  'sf-win-managed-identity.json': ['first-batch-failure-halts nt1vm: true'],
  // §5 #6: AOS on UbuntuServer 16.04-LTS, which is no longer on the supported list; mode Automatic with a
  // probe (so the Rolling fix is offered). Capacity has no default: no batch maths.
  'vmss-preview-autoupdate.json': [
    'automatic-mode-all-at-once [parameters(\'vmssNamePrefix\')]: "Automatic"',
    "aos-unlisted-platform-image [parameters('vmssNamePrefix')]: \"[variables('imageVersion')]\"",
  ],
  // §5 #9: legacy AOS on a daily Ubuntu 17.10 image (not supported) in Automatic mode. Its rolling policy is
  // not reported as unused: the legacy switch predates useRollingUpgradePolicy.
  'vmss-preview-dailyupdate.json': [
    'automatic-mode-all-at-once [parameters(\'vmssNamePrefix\')]: "Automatic"',
    "aos-unlisted-platform-image [parameters('vmssNamePrefix')]: \"[variables('imageVersion')]\"",
  ],
  // §5 #7, #8: Rolling 20/20/20 and 20/25/10 with a probe; capacity has no default, so nothing to compute.
  'vmss-preview-manualrolling.json': [],
  'vmss-preview-zonesmanualrolling.json': [],
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.includes('.parameters.'));

test('every real JSON template is pinned', () => {
  assert.deepEqual(
    files.filter((f) => !(f in EXPECTED)),
    [],
  );
});

for (const file of files) {
  test(`real template ${file}`, () => {
    const { model, text } = loadTemplate(join(DIR, file)).doc;
    assert.deepEqual(summary(text, runRules(model, text, { rules: RULES, now: NOW })), EXPECTED[file]);
  });
}

test('every fix on a real template applies to the original bytes and clears its finding', () => {
  let applied = 0;
  for (const file of files) {
    const {
      doc: { text },
      parametersPath,
    } = loadTemplate(join(DIR, file));
    const relint = (t: string) =>
      runRules(analyzeTemplate(t, parametersPath ? { parametersText: loadTemplate(parametersPath).doc.text } : {}), t, {
        rules: RULES,
        now: NOW,
      });
    const comments = text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
    for (const finding of relint(text)) {
      for (const fix of finding.fixes) {
        const fixed = applyNeutralEdits(text, fix.edits);
        assert.ok(fixed !== undefined, `${file}: "${fix.title}" not writable`);
        assert.deepEqual(parseErrors(fixed), [], `${file}: "${fix.title}"`);
        for (const comment of comments) assert.ok(fixed.includes(comment), `${file}: lost ${comment}`);
        const still = relint(fixed).filter((f) => f.ruleId === finding.ruleId && f.scaleSet === finding.scaleSet);
        assert.deepEqual(still, [], `${file}: ${finding.ruleId} remains after "${fix.title}"`);
        applied++;
      }
    }
  }
  assert.ok(applied >= 6, `applied ${applied}`);
});
