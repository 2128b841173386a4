// The health-signal and Service Fabric rules on the real public templates of
// test/fixtures/real-templates (reference §5, SOURCES.md): the ids each yields, pinned, and every fix
// applied to the original bytes re-checks clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules, type Finding } from '../../../../server/src/core/rules';
import { applyNeutralEdits } from '../../../../server/src/core/frontEnds/json/jsonWriter';
import { HEALTH_RULES } from '../../../../server/src/core/rules/health';
import { SERVICE_FABRIC_RULES } from '../../../../server/src/core/rules/serviceFabric';
import { parseErrors, fullText } from './harness';

const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');
const RULES = [...HEALTH_RULES, ...SERVICE_FABRIC_RULES];
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
/** Lints with the template's parameters file when the folder has one, as the CLI would. */
function lint(file: string, text = read(file)): Finding[] {
  const parameters = file.replace(/\.json$/, '.parameters.json');
  const parametersText = existsSync(join(DIR, parameters)) ? read(parameters) : undefined;
  return runRules(analyzeTemplate(text, parametersText === undefined ? {} : { parametersText }), text, { rules: RULES });
}
const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} @${f.scaleSet}`);

const EXPECTED: Record<string, string[]> = {
  // §5 #9: automatic OS upgrade (legacy "true") with no health probe or extension: a real negative case.
  'vmss-preview-dailyupdate.json': ["aos-requires-health @[parameters('vmssNamePrefix')]"],
  // §5 #14: healthProbe.id points at a disk.
  'restspec-vmss-update-maximumset-2024-11-01.json': ['health-probe-unresolved @parameters.parameters'],
  // §5 #2: nt1vm is Silver, Windows, no AOS and no enableAutomaticUpdates, so Windows Update stays on (the
  // default). nt2vm (Bronze, stateless, Rolling with ApplicationHealthWindows tcp:"19000") is clean.
  'sf-10vm-2nt-win-stateless.json': ['sf-automatic-updates @nt1vm'],
  // §5 #4: three Silver Windows node types, none sets enableAutomaticUpdates, no AOS.
  'sf-15vm-win-cross-az.json': ['sf-automatic-updates @nt1', 'sf-automatic-updates @nt11', 'sf-automatic-updates @nt12'],
  // Clean: §5 #3 (AOS + Silver + SF 1.1: Service Fabric supplies health; AOS turns automatic updates off),
  // §5 #5 (Linux, Bronze, no AOS), §5 #6 (AOS with a probe whose id the engine cannot evaluate: silent),
  // §5 #7/#8 and the custom-image fork (Rolling with a probe), §5 #11 (repairs with a Standard LB probe),
  // and the Manual/Automatic quickstarts that need no health signal.
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.includes('.parameters.'));

test('the health and Service Fabric rules yield exactly the pinned findings on every real JSON template', () => {
  assert.ok(files.length >= 10);
  for (const file of files) assert.deepEqual(summary(lint(file)), EXPECTED[file] ?? [], file);
});

test('the real-template findings quote the platform and point at the right text', () => {
  const daily = read('vmss-preview-dailyupdate.json');
  const [aos] = lint('vmss-preview-dailyupdate.json');
  assert.equal(daily.slice(aos!.span.offset, aos!.span.offset + aos!.span.length), '"true"');
  assert.match(fullText(aos!), /because a health probe or health extension was not specified/);
  const [disk] = lint('restspec-vmss-update-maximumset-2024-11-01.json');
  assert.match(fullText(disk!), /is a Microsoft\.Compute\/disks resource \("disk123"\), not a load-balancer probe/);
  const [updates] = lint('sf-10vm-2nt-win-stateless.json');
  assert.match(fullText(updates!), /node type "nt1vm" leaves enableAutomaticUpdates at its default, true.*durability Silver/);
});

test('every fix on a real template applies to the original bytes and clears its finding', () => {
  let applied = 0;
  for (const file of Object.keys(EXPECTED)) {
    const text = read(file);
    const comments = text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
    for (const finding of lint(file)) {
      for (const fix of finding.fixes) {
        const fixed = applyNeutralEdits(text, fix.edits);
        assert.ok(fixed !== undefined, `${file}: "${fix.title}" not writable`);
        assert.deepEqual(parseErrors(fixed), [], `${file}: "${fix.title}"`);
        for (const comment of comments) assert.ok(fixed.includes(comment), `${file}: lost ${comment}`);
        const still = lint(file, fixed).filter((f) => f.ruleId === finding.ruleId && f.scaleSet === finding.scaleSet);
        assert.deepEqual(still, [], `${file}: ${finding.ruleId} remains after "${fix.title}"`);
        applied++;
      }
    }
  }
  assert.equal(applied, 5, 'the AOS extension fix, and one enableAutomaticUpdates fix per Silver Windows node type');
});
