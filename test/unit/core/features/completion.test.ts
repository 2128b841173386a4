import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { cursor } from '../../../helpers/cursor';
import { templateWith } from '../../../helpers/armTemplates';
import { jsonDocument, ls } from '../../../helpers/languageService';

function complete(marked: string): { items: CompletionItem[]; text: string } {
  const { text, offset } = cursor(marked);
  const doc = jsonDocument(text);
  return { items: ls.doComplete(doc, doc.lines.positionAt(offset)).items, text };
}

function labels(marked: string): string[] {
  return complete(marked).items.map((i) => i.label);
}

/** Applies the item's edit (snippet placeholders reduced to their defaults) and returns the new text. */
function apply(marked: string, label: string): string {
  const { items, text } = complete(marked);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  const edit = item.textEdit as {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  };
  const plain = edit.newText
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d/g, '');
  return TextDocument.applyEdits(TextDocument.create('t://x.json', 'json', 0, text), [{ range: edit.range, newText: plain }]);
}

test('rolling policy keys: the ones not yet present, with type, range and default in the detail', () => {
  const { items } = complete(
    templateWith('{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 20, | } } }'),
  );
  const names = items.map((i) => i.label);
  assert.ok(names.includes('maxUnhealthyInstancePercent'));
  assert.ok(names.includes('pauseTimeBetweenBatches'));
  assert.ok(!names.includes('maxBatchInstancePercent'), 'already present');
  const item = items.find((i) => i.label === 'maxUnhealthyInstancePercent')!;
  assert.match(item.detail!, /integer · 5–100 · default 20 · since API 2017-03-30/);
  assert.match((item.documentation as { value: string }).value, /learn\.microsoft\.com/);
});

test('keys follow the resource apiVersion', () => {
  assert.ok(
    !labels(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { | } } }', { apiVersion: '2020-06-01' })).includes('maxSurge'),
  );
  assert.ok(
    labels(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { | } } }', { apiVersion: '2023-03-01' })).includes('maxSurge'),
  );
  assert.ok(!labels(templateWith('{ "upgradePolicy": { | } }', { apiVersion: '2017-03-30' })).includes('automaticOSUpgradePolicy'));
  assert.ok(
    labels(templateWith('{ "upgradePolicy": { | } }', { apiVersion: '2017-03-30' })).includes('automaticOSUpgrade'),
    'legacy form in its own era',
  );
});

test('upgradePolicy keys and snippets', () => {
  const names = labels(templateWith('{ "upgradePolicy": { | } }'));
  for (const n of [
    'mode',
    'rollingUpgradePolicy',
    'automaticOSUpgradePolicy',
    'Rolling upgrade policy',
    'Automatic OS upgrade with rolling policy',
  ])
    assert.ok(names.includes(n), n);
});

test('a key typed after a quote replaces the half-typed string and adds a colon and value', () => {
  const out = apply(templateWith('{ "upgradePolicy": { "mo|" } }'), 'mode');
  assert.match(out, /"upgradePolicy": \{ "mode": "Automatic" \}/);
});

test('a missing comma before and a following property both get commas', () => {
  const out = apply(templateWith('{ "upgradePolicy": { "mode": "Rolling" | "rollingUpgradePolicy": {} } }'), 'automaticOSUpgradePolicy');
  assert.match(out, /"mode": "Rolling" ,"automaticOSUpgradePolicy": \{\s*\}, "rollingUpgradePolicy"/);
});

test('values: enums after a colon, inside a half-typed string, booleans, durations and percents', () => {
  assert.deepEqual(labels(templateWith('{ "upgradePolicy": { "mode": | } }')), ['Automatic', 'Manual', 'Rolling']);
  assert.match(apply(templateWith('{ "upgradePolicy": { "mode": "Ro|" } }'), 'Rolling'), /"mode": "Rolling" \}/);
  assert.deepEqual(labels(templateWith('{ "upgradePolicy": { "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": | } } }')), [
    'true',
    'false',
  ]);
  const durations = labels(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "|" } } }'));
  for (const d of ['PT0S', 'PT30S', 'PT1M', 'PT5M', 'PT10M']) assert.ok(durations.includes(d), d);
  assert.ok(labels(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": | } } }')).includes('20'));
  assert.ok(!labels(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": | } } }')).includes('0'));
});

test('a value followed by another property gets a comma', () => {
  assert.match(
    apply(templateWith('{ "upgradePolicy": { "mode": | "rollingUpgradePolicy": {} } }'), 'Manual'),
    /"mode": "Manual", "rollingUpgradePolicy"/,
  );
});

test('scale-set properties offer the upgradePolicy blocks, not once it exists', () => {
  const names = labels(templateWith('{ "overprovision": false, | }'));
  assert.ok(
    names.includes('upgradePolicy') &&
      names.includes('Rolling upgrade policy') &&
      names.includes('Automatic OS upgrade with rolling policy'),
  );
  // Once upgradePolicy exists, only the catalog's other scale-set settings this apiVersion has.
  assert.deepEqual(labels(templateWith('{ "upgradePolicy": {}, | }')), [
    'resiliencyPolicy',
    'automaticRepairsPolicy',
    'scheduledEventsPolicy',
    'zoneBalance',
    'zonalPlatformFaultDomainAlignMode',
  ]);
  const out = apply(templateWith('{ | }'), 'Rolling upgrade policy');
  assert.match(out, /"upgradePolicy": \{\s*"mode": "Rolling",\s*"rollingUpgradePolicy": \{\s*"maxBatchInstancePercent": 20,/);
});

test('the health extension snippets inside the extensions array', () => {
  const names = labels(templateWith('{ "virtualMachineProfile": { "extensionProfile": { "extensions": [ | ] } } }'));
  assert.deepEqual(names, ['Application Health extension (Linux)', 'Application Health extension (Windows)']);
  assert.match(
    apply(
      templateWith('{ "virtualMachineProfile": { "extensionProfile": { "extensions": [ | ] } } }'),
      'Application Health extension (Windows)',
    ),
    /"type": "ApplicationHealthWindows"/,
  );
});

test('broken documents: unclosed braces and a truncated file still complete', () => {
  const truncated = templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 20, |').split('|')[0] + '|';
  assert.ok(labels(truncated).includes('maxUnhealthyInstancePercent'));
  assert.ok(
    labels(templateWith('{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { | }')).includes('pauseTimeBetweenBatches'),
  );
  assert.deepEqual(labels(templateWith('{ "upgradePolicy": { "mode":| ').split('|')[0] + '|'), ['Automatic', 'Manual', 'Rolling']);
});

test('nothing outside scale sets or in other JSON', () => {
  assert.deepEqual(labels('{ "name": "x", "scripts": { | } }'), []);
  assert.deepEqual(
    labels(templateWith('{ "upgradePolicy": {} }').replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.0", "x": { | },')),
    [],
  );
  // virtualMachineProfile offers only what touches upgrades: the scheduled events profile.
  assert.deepEqual(labels(templateWith('{ "virtualMachineProfile": { | } }')), ['scheduledEventsProfile']);
});

test('REST bodies and az vmss show output complete too', () => {
  assert.ok(labels('{ "location": "westus", "properties": { "upgradePolicy": { | } } }').includes('mode'));
  assert.ok(labels('{ "name": "x", "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { | } } }').includes('maxSurge'));
});

test('propertyNames: false keeps values and snippets but no names', () => {
  const { text, offset } = cursor(templateWith('{ "upgradePolicy": { "mode": "Rolling", | } }'));
  const doc = jsonDocument(text);
  const names = ls.doComplete(doc, doc.lines.positionAt(offset), { propertyNames: false }).items.map((i) => i.label);
  assert.deepEqual(names, ['Rolling upgrade policy', 'Automatic OS upgrade with rolling policy']);
});
