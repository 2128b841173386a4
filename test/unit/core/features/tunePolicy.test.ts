// "Tune rolling policy…": the advisor's recommendation for the default goals, written through the front end's
// format-preserving writer, in JSON and Bicep, on the policy keys and on the findings it addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { cursor } from '../../../helpers/cursor';
import { bicepDocument, jsonDocument, ls } from '../../../helpers/languageService';
import { advisePolicy } from '../../../../server/src/core/advisor';
import type { TemplateDocument } from '../../../../server/src/core/languageService';

const URI = 'test://t/template';
const TITLE = 'Tune rolling policy… (the advisor’s recommendation for the default goals)';

function actionsAt(doc: TemplateDocument, offset: number, lazyEdits = false): CodeAction[] {
  const position = doc.lines.positionAt(offset);
  const findings = ls.findProblems(doc, { rules: {} });
  return ls.getCodeActions(doc, findings, { uri: URI, range: { start: position, end: position }, diagnostics: [], lazyEdits });
}

function applied(doc: TemplateDocument, action: CodeAction, languageId: string): string {
  const edits = action.edit!.changes![URI] as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(URI, languageId, 0, doc.text), edits);
}

function marked(path: string, anchor: string): { text: string; offset: number } {
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, anchor);
  return cursor(`${text.slice(0, at + 2)}|${text.slice(at + 2)}`);
}

test('JSON: on the rollingUpgradePolicy key, the recommendation is written in place, comments and layout kept', () => {
  const { text, offset } = marked('test/fixtures/advisor/zonal-10.json', '"rollingUpgradePolicy"');
  const doc = jsonDocument(text);
  const tune = actionsAt(doc, offset).find((a) => a.title === TITLE);
  assert.ok(
    tune,
    actionsAt(doc, offset)
      .map((a) => a.title)
      .join(' / '),
  );
  assert.equal(tune.kind, 'refactor.rewrite');
  const out = applied(doc, tune, 'json');
  const advice = advisePolicy(doc.model.scaleSets[0]!);
  assert.equal(advice.kind, 'advice');
  if (advice.kind !== 'advice') return;
  const v = advice.recommended.policy.maxUnhealthyUpgradedInstancePercent;
  assert.notEqual(v, 20);
  assert.ok(out.includes(`"maxUnhealthyUpgradedInstancePercent": ${v},`), out);
  assert.ok(out.includes('// the defaults, written out'));
  // Only that line changes; the re-read template is now the advisor's recommended policy, with nothing left to change.
  const changed = out.split('\n').filter((l, i) => l !== text.split('\n')[i]);
  assert.equal(changed.length, 1, changed.join('\n'));
  const again = advisePolicy(jsonDocument(out).model.scaleSets[0]!);
  assert.equal(again.kind === 'advice' && again.keepCurrent, true);
});

test('Bicep: the same recommendation through the Bicep writer', () => {
  const { text, offset } = marked('test/fixtures/advisor/regional-100.bicep', 'rollingUpgradePolicy:');
  const doc = bicepDocument(text);
  const tune = actionsAt(doc, offset).find((a) => a.title === TITLE);
  assert.ok(
    tune,
    actionsAt(doc, offset)
      .map((a) => a.title)
      .join(' / '),
  );
  const out = applied(doc, tune, 'bicep');
  assert.match(out, /\n {8}maxUnhealthyInstancePercent: 25\n/);
  assert.ok(out.includes('// 100 regional instances'));
  const again = bicepDocument(out);
  assert.deepEqual(again.model.parseErrors, []);
  const advice = advisePolicy(again.model.scaleSets[0]!);
  assert.equal(advice.kind === 'advice' && advice.keepCurrent, true);
});

test('on the finding it addresses, and lazily: data first, the edit on resolve', () => {
  const { text, offset } = cursor(
    readFileSync('test/fixtures/advisor/zonal-10.json', 'utf8').replace(
      '"maxUnhealthyUpgradedInstancePercent": 20',
      '"maxUnhealthyUpgradedInstancePercent": 2|0',
    ),
  );
  const doc = jsonDocument(text);
  const findings = ls.findProblems(doc, { rules: {} });
  assert.ok(findings.some((f) => f.ruleId === 'first-batch-failure-halts'));
  const lazy = actionsAt(doc, offset, true).find((a) => a.title === TITLE);
  assert.ok(lazy && !lazy.edit && lazy.data);
  const resolved = ls.resolveCodeAction(doc, findings, lazy);
  assert.ok(resolved.edit);
  assert.match(applied(doc, resolved, 'json'), /"maxUnhealthyUpgradedInstancePercent": \d+,/);
});

test('not offered where nothing changes, off the policy, or where a value to change comes from a parameter', () => {
  const text = readFileSync('test/fixtures/advisor/zonal-10.json', 'utf8');
  const tuned = text.replace('"maxUnhealthyUpgradedInstancePercent": 20', '"maxUnhealthyUpgradedInstancePercent": 50');
  const keep = cursor(tuned.replace('"rollingUpgradePolicy"', '"ro|llingUpgradePolicy"'));
  assert.ok(!actionsAt(jsonDocument(keep.text), keep.offset).some((a) => a.title === TITLE), 'the recommendation is the current policy');
  const off = cursor(text.replace('"computerNamePrefix"', '"comp|uterNamePrefix"'));
  assert.ok(!actionsAt(jsonDocument(off.text), off.offset).some((a) => a.title === TITLE));
  const param = cursor(
    text
      .replace('"resources": [', '"parameters": { "gate": { "type": "int", "defaultValue": 20 } },\n  "resources": [')
      .replace('"maxUnhealthyUpgradedInstancePercent": 20', '"maxUnhealthyUpgradedInstancePercent": "[parameters(\'gate\')]"')
      .replace('"rollingUpgradePolicy"', '"ro|llingUpgradePolicy"'),
  );
  assert.ok(!actionsAt(jsonDocument(param.text), param.offset).some((a) => a.title === TITLE), 'a parameter is not overwritten');
  const manual = cursor(text.replace('"mode": "Rolling"', '"mode": "Manual"').replace('"rollingUpgradePolicy"', '"ro|llingUpgradePolicy"'));
  assert.ok(!actionsAt(jsonDocument(manual.text), manual.offset).some((a) => a.title === TITLE), 'nothing to tune');
});

test('an OS upgrade that ignores the rolling policy: the action also sets useRollingUpgradePolicy', () => {
  const text = readFileSync('test/fixtures/advisor/zonal-10.json', 'utf8').replace(
    '"mode": "Rolling",',
    '"mode": "Rolling",\n          "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true },',
  );
  const { text: t, offset } = cursor(text.replace('"upgradePolicy"', '"up|gradePolicy"'));
  const doc = jsonDocument(t);
  const tune = actionsAt(doc, offset).find((a) => a.title === TITLE);
  assert.ok(tune);
  const out = applied(doc, tune, 'json');
  assert.match(out, /"automaticOSUpgradePolicy": \{ "enableAutomaticOSUpgrade": true, "useRollingUpgradePolicy": true \}/);
});
