import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { cursor } from '../../../helpers/cursor';
import { templateWith } from '../../../helpers/armTemplates';
import { jsonDocument, ls } from '../../../helpers/languageService';

const URI = 'test://t/azuredeploy.json';

function actionsAt(marked: string, only?: string[]): { actions: CodeAction[]; text: string } {
  const { text, offset } = cursor(marked);
  const doc = jsonDocument(text);
  const position = doc.lines.positionAt(offset);
  const findings = ls.findProblems(doc, { rules: {} });
  return {
    actions: ls.getCodeActions(doc, findings, {
      uri: URI,
      range: { start: position, end: position },
      diagnostics: [],
      ...(only ? { only } : {}),
    }),
    text,
  };
}

function applied(text: string, action: CodeAction): string {
  const edits = action.edit!.changes![URI] as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(URI, 'json', 0, text), edits);
}

test('the quick fixes of a finding under the cursor, applied keeping comments', () => {
  const { actions, text } = actionsAt(
    templateWith(`{
        "upgradePolicy": {
          // batches of at most a fifth
          "rollingUpgradePolicy": { "maxBatchInstancePercent": 2|00 }
        }
      }`),
  );
  const change = actions.find((a) => a.title === 'Change to 100');
  assert.ok(change, actions.map((a) => a.title).join(' / '));
  assert.equal(change.kind, 'quickfix');
  assert.equal(change.isPreferred, true);
  const out = applied(text, change);
  assert.match(out, /"maxBatchInstancePercent": 100 \}/);
  assert.match(out, /\/\/ batches of at most a fifth/);
});

test('fix all of one kind, when the rule fires more than once', () => {
  const { actions, text } = actionsAt(
    templateWith(
      '{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 2|00, "maxUnhealthyInstancePercent": 300 } } }',
    ),
  );
  const all = actions.find((a) => a.title.startsWith('Fix all value-out-of-range'));
  assert.ok(all, actions.map((a) => a.title).join(' / '));
  const out = applied(text, all);
  assert.match(out, /"maxBatchInstancePercent": 100, "maxUnhealthyInstancePercent": 100/);
});

test('suppress inserts the comment above the line, leaving the reason to write', () => {
  const { actions, text } = actionsAt(
    templateWith(`{
        "upgradePolicy": {
          "rollingUpgradePolicy": {
            "maxBatchInstancePercent": 2|00
          }
        }
      }`),
  );
  const suppress = actions.find((a) => a.title.startsWith('Suppress value-out-of-range'));
  assert.ok(suppress);
  assert.match(
    applied(text, suppress),
    /\n {12}\/\/ vmss-upgrade-disable-next-line value-out-of-range -- \n {12}"maxBatchInstancePercent": 200/,
  );
});

test('no suppression is offered for findings about a suppression comment, which no comment can silence', () => {
  const { actions } = actionsAt(
    templateWith(`{
        "upgradePolicy": {
          // vmss-upgrade-disable-next-line value-out-of-ra|ng -- reviewed
          "rollingUpgradePolicy": { "maxBatchInstancePercent": 200 }
        }
      }`),
  );
  assert.ok(
    actions.some((a) => a.title === 'Change to "value-out-of-range"'),
    actions.map((a) => a.title).join(' / '),
  );
  assert.ok(!actions.some((a) => a.title.startsWith('Suppress suppression-unknown-rule')), actions.map((a) => a.title).join(' / '));
});

test('refactor: add the rolling policy with defaults where there is none', () => {
  const { actions: all, text } = actionsAt(templateWith('{ "upgradePolicy": { "mode": "Rol|ling" } }'), ['refactor']);
  assert.deepEqual(
    all.map((a) => a.kind),
    all.map(() => 'refactor.rewrite'),
  );
  // (On the mode, where first-batch-failure-halts points, "Tune rolling policy…" is offered too: tunePolicy.test.ts.)
  const actions = all.filter((a) => a.title.startsWith('Add rolling upgrade policy'));
  assert.equal(actions.length, 1, all.map((a) => a.title).join(' / '));
  const out = applied(text, actions[0]!);
  const policy = JSON.parse(out.slice(out.indexOf('"properties": ') + 14, out.lastIndexOf('}', out.lastIndexOf(']'))).trim()) as {
    upgradePolicy: { rollingUpgradePolicy: Record<string, unknown> };
  };
  assert.deepEqual(policy.upgradePolicy.rollingUpgradePolicy, {
    maxBatchInstancePercent: 20,
    maxUnhealthyInstancePercent: 20,
    maxUnhealthyUpgradedInstancePercent: 20,
    pauseTimeBetweenBatches: 'PT0S',
    rollbackFailedInstancesOnPolicyBreach: false,
    maxSurge: false,
  });
  assert.equal(
    actionsAt(templateWith('{ "upgradePolicy": { "mode": "Rol|ling", "rollingUpgradePolicy": {} } }'), ['refactor']).actions.filter((a) =>
      a.title.startsWith('Add rolling upgrade policy'),
    ).length,
    0,
    'not when one exists',
  );
});

test('refactor: the rolling policy it adds holds only what the apiVersion defines', () => {
  const { actions, text } = actionsAt(templateWith('{ "upgradePolicy": { "mode": "Rol|ling" } }', { apiVersion: '2021-03-01' }), [
    'refactor',
  ]);
  const out = applied(
    text,
    actions.find((a) => a.title.startsWith('Add rolling upgrade policy'))!,
  );
  assert.match(out, /"pauseTimeBetweenBatches": "PT0S"/);
  assert.doesNotMatch(out, /maxSurge|rollbackFailedInstancesOnPolicyBreach/, 'both came with API 2022-11-01');
});

test('nothing away from findings and outside scale sets', () => {
  assert.deepEqual(
    actionsAt(templateWith('{ "upgradePolicy": { "mode": "Rolling" } }').replace('"contentVersion"', '"content|Version"'), ['quickfix'])
      .actions,
    [],
  );
});

test('lazy edits: actions come without edits and resolve to the same edit', () => {
  const { text, offset } = cursor(
    templateWith(
      '{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 2|00, "maxUnhealthyInstancePercent": 300 } } }',
    ),
  );
  const doc = jsonDocument(text);
  const position = doc.lines.positionAt(offset);
  const findings = ls.findProblems(doc, { rules: {} });
  const params = { uri: URI, range: { start: position, end: position }, diagnostics: [] };
  const eager = ls.getCodeActions(doc, findings, params);
  const lazy = ls.getCodeActions(doc, findings, { ...params, lazyEdits: true });
  assert.deepEqual(
    lazy.map((a) => a.title),
    eager.map((a) => a.title),
  );
  for (const action of lazy.filter((a) => !a.title.startsWith('Suppress'))) {
    assert.equal(action.edit, undefined);
    assert.deepEqual(ls.resolveCodeAction(doc, findings, action).edit, eager.find((a) => a.title === action.title)!.edit, action.title);
  }
  const moved = jsonDocument(text.replace('2' + '00', '20'));
  const change = lazy.find((a) => a.title === 'Change to 100')!;
  assert.equal(ls.resolveCodeAction(moved, ls.findProblems(moved, { rules: {} }), change).edit, undefined, 'the finding is gone: no edit');
});
