import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfigSchema, parseRuleConfig, parseRuleConfigText, RULE_IDS, RULES } from '../../../../server/src/core/rules';

test('a valid config maps rule ids to severities', () => {
  const text =
    '{\n  // team defaults\n  "$schema": "./schemas/vmss-upgrade.schema.json",\n  "rules": { "value-as-string": "off", "unknown-property": "warning" }\n}';
  const { config, problems } = parseRuleConfigText(text, RULE_IDS);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.rules, { 'value-as-string': 'off', 'unknown-property': 'warning' });
});

test('bad entries are reported with their span and skipped, good ones still apply', () => {
  const text =
    '{ "rules": { "unknwn-property": "off", "value-type": "loud", "duplicate-property": 2, "invalid-duration": "Hint", "value-out-of-range": "info" }, "extends": "x" }';
  const { config, problems } = parseRuleConfigText(text, RULE_IDS);
  assert.deepEqual(config.rules, { 'invalid-duration': 'hint', 'value-out-of-range': 'info' });
  const at = (p: (typeof problems)[number]) => text.slice(p.span!.offset, p.span!.offset + p.span!.length);
  assert.deepEqual(problems.map(at), ['"unknwn-property"', '"loud"', '2', '"Hint"', '"extends"']);
  assert.match(problems[0]!.message, /did you mean "unknown-property"/);
  assert.match(problems[1]!.message, /"off", "hint", "info", "warning", "error"/);
});

test('broken JSON and wrong shapes are problems, not exceptions', () => {
  assert.ok(parseRuleConfigText('{ "rules": { ', RULE_IDS).problems.length > 0);
  assert.ok(parseRuleConfigText('', RULE_IDS).problems.length > 0);
  assert.deepEqual(parseRuleConfigText('[]', RULE_IDS).config.rules, {});
  assert.match(parseRuleConfigText('{ "rules": [] }', RULE_IDS).problems[0]!.message, /must be an object/);
});

test('an object config (editor settings) is read the same way, without spans', () => {
  const { config, problems } = parseRuleConfig({ rules: { 'value-type': 'warning', nope: 'off' } }, RULE_IDS);
  assert.deepEqual(config.rules, { 'value-type': 'warning' });
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.span, undefined);
  assert.equal(parseRuleConfig(undefined, RULE_IDS).problems.length, 1);
});

test('schemas/vmss-upgrade.schema.json is generated from the rule table', () => {
  const text = readFileSync(join(import.meta.dirname, '../../../../schemas/vmss-upgrade.schema.json'), 'utf8');
  const ruleIds = Object.keys(JSON.parse(text).properties.rules.properties).sort();
  assert.deepEqual(JSON.parse(text), buildConfigSchema(RULES), 'regenerate it: see CONTRIBUTING.md, "Adding a rule"');
  assert.deepEqual(ruleIds, [...RULE_IDS].sort());
});
