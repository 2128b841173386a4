import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { getRule, RULES, runRules, scaleSetRule, type RuleConfig } from '../../../../server/src/core/rules';
import { META_RULES } from '../../../../server/src/core/rules/meta/suppressionRules';
import { SCHEMA_RULES } from '../../../../server/src/core/rules/schema';
import { vmssTemplate, fullText } from './harness';

/** Only this group's rules, so rules other groups add later do not change these expectations. */
const OWN_RULES = [...SCHEMA_RULES, ...META_RULES];
const lint = (text: string, config?: RuleConfig) =>
  runRules(analyzeTemplate(text), text, { rules: OWN_RULES, ...(config ? { config } : {}) });

const TEXT = vmssTemplate('{ "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": "150" } }');

test('findings carry rule id, default severity, scale set and fixes', () => {
  const findings = lint(TEXT);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity]),
    [
      ['value-as-string', 'info'],
      ['value-out-of-range', 'error'],
    ],
  );
  assert.ok(findings.every((f) => f.scaleSet === 'vmss1'));
  assert.ok(findings.every((f) => f.fixes.length > 0));
});

test('config overrides severities and turns rules off', () => {
  const findings = lint(TEXT, { rules: { 'value-as-string': 'off', 'value-out-of-range': 'hint' } });
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity]),
    [['value-out-of-range', 'hint']],
  );
});

test('a rule that throws is reported once per scale set and does not hide the others', () => {
  const broken = scaleSetRule({
    id: 'broken',
    defaultSeverity: 'error',
    title: 'Broken',
    description: 'Throws.',
    check: () => {
      throw new Error('boom');
    },
  });
  const model = analyzeTemplate(TEXT);
  const findings = runRules(model, TEXT, { rules: [broken, ...OWN_RULES] });
  const internal = findings.filter((f) => f.ruleId === 'internal-rule-error');
  assert.equal(internal.length, 1);
  assert.match(
    fullText(internal[0]!),
    /Rule broken failed on scale set "vmss1", so its findings here are missing\..*The rule threw: boom\./,
  );
  assert.equal(TEXT.slice(internal[0]!.span.offset, internal[0]!.span.offset + internal[0]!.span.length), '"vmss1"');
  assert.ok(findings.some((f) => f.ruleId === 'value-out-of-range'));
  const silenced = runRules(model, TEXT, { rules: [broken, ...OWN_RULES], config: { rules: { 'internal-rule-error': 'off' } } });
  assert.equal(silenced.filter((f) => f.ruleId === 'internal-rule-error').length, 0);
});

test('rules run once per scale set', () => {
  const two = TEXT.replace(/(\{\n {6}"type"[\s\S]*?\n {4}\})/, '$1,\n$1'.replace(/vmss1/, 'vmss1')).replace('"vmss1"', '"vmss0"');
  const findings = lint(two).filter((f) => f.ruleId === 'value-out-of-range');
  assert.deepEqual(
    findings.map((f) => f.scaleSet),
    ['vmss0', 'vmss1'],
  );
});

test('the rule table is well formed', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
    assert.ok(rule.title.length > 0 && rule.description.length > 20, rule.id);
    assert.equal(getRule(rule.id), rule);
  }
  assert.equal(getRule('nope'), undefined);
});

test('findings are sorted by position', () => {
  const findings = lint(vmssTemplate('{ "mode": "rolling", "rollingUpgradePolicy": { "BatchInstancePercent": 1, "maxSurge": "yes" } }'));
  const offsets = findings.map((f) => f.span.offset);
  assert.deepEqual(
    offsets,
    [...offsets].sort((a, b) => a - b),
  );
  assert.ok(findings.length >= 3);
});
