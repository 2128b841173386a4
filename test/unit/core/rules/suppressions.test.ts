import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSuppressions } from '../../../../server/src/core/rules';
import { applyFix, findingsOf, lint, textAt, vmssTemplate, fullText } from './harness';

test('suppression comments are parsed: ids, reason, line', () => {
  const text =
    '{\n  // vmss-upgrade-disable-next-line value-type, value-out-of-range -- set by policy team\n  "a": 1,\n  /* vmss-upgrade-disable-next-line unknown-property */\n  "b": "// vmss-upgrade-disable-next-line not-a-comment"\n}';
  const found = findSuppressions(text);
  assert.equal(found.length, 2, 'a directive inside a string is not a comment');
  assert.deepEqual(
    found[0]!.ruleIds.map((r) => r.id),
    ['value-type', 'value-out-of-range'],
  );
  assert.equal(found[0]!.reason, 'set by policy team');
  assert.equal(found[0]!.line, 1);
  assert.equal(text.slice(found[0]!.ruleIds[1]!.span.offset, found[0]!.ruleIds[1]!.span.offset + 18), 'value-out-of-range');
  assert.deepEqual(
    found[1]!.ruleIds.map((r) => r.id),
    ['unknown-property'],
  );
  assert.equal(found[1]!.reason, undefined);
});

const BAD_RANGE = `{
  "mode": "Rolling",
  "rollingUpgradePolicy": {
    // vmss-upgrade-disable-next-line value-out-of-range -- the platform team accepts the risk
    "maxBatchInstancePercent": 150,
    "maxUnhealthyInstancePercent": 150
  }
}`;

test('a suppression silences the named rule on the next line only', () => {
  const text = vmssTemplate(BAD_RANGE);
  const findings = findingsOf(text, 'value-out-of-range');
  assert.equal(findings.length, 1);
  assert.match(fullText(findings[0]!), /maxUnhealthyInstancePercent/);
  assert.deepEqual(
    lint(text).filter((f) => f.ruleId.startsWith('suppression-')),
    [],
    'a well-formed suppression is not reported',
  );
});

test('a suppression for another rule silences nothing', () => {
  const text = vmssTemplate(BAD_RANGE.replace('value-out-of-range --', 'value-type --'));
  assert.equal(findingsOf(text, 'value-out-of-range').length, 2);
});

test('a suppression without a reason is reported but still applies', () => {
  const text = vmssTemplate(BAD_RANGE.replace(' -- the platform team accepts the risk', ''));
  assert.equal(findingsOf(text, 'value-out-of-range').length, 1);
  const missing = findingsOf(text, 'suppression-missing-reason');
  assert.equal(missing.length, 1);
  assert.match(textAt(text, missing[0]!), /^\/\/ vmss-upgrade-disable-next-line value-out-of-range$/);
});

test('an unknown rule id is reported with a fix to the closest id', () => {
  const text = vmssTemplate(BAD_RANGE.replace('value-out-of-range --', 'value-out-of-rnage --'));
  const unknown = findingsOf(text, 'suppression-unknown-rule');
  assert.equal(unknown.length, 1);
  assert.equal(textAt(text, unknown[0]!), 'value-out-of-rnage');
  assert.match(fullText(unknown[0]!), /Did you mean "value-out-of-range"/);
  assert.equal(findingsOf(text, 'value-out-of-range').length, 2, 'the misspelt suppression silences nothing');
  const fixed = applyFix(text, unknown[0]!.fixes[0]!);
  assert.equal(fixed, text.replace('value-out-of-rnage', 'value-out-of-range'));
  assert.deepEqual(findingsOf(fixed, 'suppression-unknown-rule'), []);
  assert.equal(findingsOf(fixed, 'value-out-of-range').length, 1, 'the corrected suppression works');
});

test('a suppression naming no rule is reported', () => {
  const text = vmssTemplate(BAD_RANGE.replace('value-out-of-range --', '--'));
  assert.match(fullText(findingsOf(text, 'suppression-unknown-rule')[0]!), /names no rule/);
});

test('findings about suppressions cannot be suppressed themselves', () => {
  const text = vmssTemplate(`{
  // vmss-upgrade-disable-next-line suppression-missing-reason -- no
  // vmss-upgrade-disable-next-line value-type
  "mode": "Manual"
}`);
  assert.equal(lint(text).filter((f) => f.ruleId === 'suppression-missing-reason').length, 1);
});
