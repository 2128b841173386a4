// The schema rules on the real public templates of test/fixtures/real-templates (reference §5): the
// expected findings, no false positives, and every fix applied to the original bytes re-checks clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules, type Finding } from '../../../../server/src/core/rules';
import { applyNeutralEdits } from '../../../../server/src/core/frontEnds/json/jsonWriter';
import { META_RULES } from '../../../../server/src/core/rules/meta/suppressionRules';
import { SCHEMA_RULES } from '../../../../server/src/core/rules/schema';
import { parseErrors } from './harness';

const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');
const RULES = [...SCHEMA_RULES, ...META_RULES];
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const lint = (text: string) => runRules(analyzeTemplate(text), text, { rules: RULES });
const summary = (text: string, findings: readonly Finding[]) =>
  findings.map((f) => `${f.ruleId} ${text.slice(f.span.offset, f.span.offset + f.span.length)}`);

const EXPECTED: Record<string, string[]> = {
  // §5 #6: AOS switch as a string.
  'vmss-preview-autoupdate.json': ['value-as-string "true"'],
  // §5 #7/#8: the legacy automaticOSUpgrade, as a string.
  'vmss-preview-manualrolling.json': ['legacy-upgrade-property "automaticOSUpgrade"', 'value-as-string "false"'],
  'vmss-preview-zonesmanualrolling.json': ['legacy-upgrade-property "automaticOSUpgrade"', 'value-as-string "false"'],
  // A fork of §5 #7 with a custom image; apiVersion through a variable.
  'daveread-custom-image-manualrolling.json': ['legacy-upgrade-property "automaticOSUpgrade"', 'value-as-string "false"'],
  // §5 #9: legacy switch plus maxUnhealthyUpgradedInstancePercent "0".
  'vmss-preview-dailyupdate.json': ['legacy-upgrade-property "automaticOSUpgrade"', 'value-as-string "true"', 'value-as-string "0"'],
  // §5 #14: the REST spec's kitchen-sink body; 49/81/98 are in range, the pause is not a duration.
  'restspec-vmss-update-maximumset-2024-11-01.json': ['invalid-duration "aaaaaaaaaaaaaaa"'],
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.includes('.parameters.'));

test('the schema rules find what the reference says is in the real templates, and nothing else', () => {
  assert.ok(files.length >= 10);
  for (const file of files) {
    const text = read(file);
    assert.deepEqual(summary(text, lint(text)), EXPECTED[file] ?? [], file);
  }
});

test('every fix on a real template applies to the original bytes and clears its finding', () => {
  let applied = 0;
  for (const file of Object.keys(EXPECTED)) {
    const text = read(file);
    const comments = text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
    for (const finding of lint(text)) {
      for (const fix of finding.fixes) {
        const fixed = applyNeutralEdits(text, fix.edits);
        assert.ok(fixed !== undefined, `${file}: "${fix.title}" not writable`);
        assert.deepEqual(parseErrors(fixed), [], `${file}: "${fix.title}"`);
        for (const comment of comments) assert.ok(fixed.includes(comment), `${file}: lost ${comment}`);
        const still = lint(fixed).filter((f) => f.ruleId === finding.ruleId && f.message === finding.message);
        assert.deepEqual(still, [], `${file}: ${finding.ruleId} remains after "${fix.title}"`);
        applied++;
      }
    }
  }
  assert.ok(applied >= 9, `applied ${applied}`);
});
