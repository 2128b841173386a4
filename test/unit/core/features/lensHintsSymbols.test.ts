import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EAGER_LENS_LIMIT } from '../../../../server/src/core/limits';
import { templateWith } from '../../../helpers/armTemplates';
import { bicepDocument, jsonDocument, ls } from '../../../helpers/languageService';

const ROLLING =
  '{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 20, "maxUnhealthyInstancePercent": 25, "pauseTimeBetweenBatches": "PT5M" } } }';
const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

test('CodeLens: one line with batches, duration, serving instances and the halt estimate, above upgradePolicy', () => {
  const text = templateWith(ROLLING, { capacity: 12 });
  const doc = jsonDocument(text);
  const [lens] = ls.getCodeLenses(doc, { uri: 'u', failureRate: 0.02 });
  assert.equal(lens!.range.start.line, doc.lines.positionAt(text.indexOf('"upgradePolicy"')).line);
  // 12 instances over 5 update domains (3, 3, 2, 2, 2): batches of 2 stay within a domain, so 7 of them. The
  // template has no health signal, which Azure rejects for mode Rolling: the lens leads with that.
  assert.match(
    lens!.command!.title,
    /^Blocked by rolling-requires-health \| if run anyway: Rolling upgrade: 7 batches × 2 · ≈\d+ (h \d+ )?min · ≥10 of 12 serving · halts ≈?\d+(\.\d)?% at 2% failure rate$/,
  );
  assert.equal(lens!.command!.command, 'vmssUpgrade.showPreview');
  assert.deepEqual(lens!.command!.arguments, [{ uri: 'u', path: ['resources', 0], name: 'web' }]);
});

test('CodeLens: unknown capacity says what it assumes; automatic OS upgrades get their part; Manual says so', () => {
  const unknown = jsonDocument(templateWith(ROLLING, { capacity: '"[reference(\'x\').count]"' }));
  assert.match(
    ls.getCodeLenses(unknown, { uri: 'u', failureRate: 0, assumedCapacity: 8 })[0]!.command!.title,
    /≥\d of 8 serving \| capacity unknown, 8 assumed$/,
  );
  const aos = jsonDocument(
    templateWith('{ "upgradePolicy": { "mode": "Manual", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true } } }'),
  );
  assert.match(
    ls.getCodeLenses(aos, { uri: 'u', failureRate: 0 })[0]!.command!.title,
    /^Blocked by aos-requires-health \| if run anyway: Manual upgrades: .*manualUpgrade.* \| OS upgrades: 5 batches × 2/,
  );
  const none = jsonDocument(templateWith('{ "overprovision": true }'));
  const lens = ls.getCodeLenses(none, { uri: 'u', failureRate: 0 })[0]!;
  assert.match(lens.command!.title, /^Manual upgrades/);
  assert.equal(
    lens.range.start.line,
    none.lines.positionAt(none.text.indexOf('"properties"')).line,
    'above properties when there is no upgradePolicy',
  );
});

test('CodeLens: edge cases say what they are', () => {
  const line = (properties: string, capacity?: number) =>
    ls.getCodeLenses(jsonDocument(templateWith(properties, capacity === undefined ? {} : { capacity })), {
      uri: 'u',
      failureRate: 0.02,
    })[0]!.command!.title;
  assert.equal(
    line(ROLLING, 0),
    'Blocked by rolling-requires-health | if run anyway: Rolling upgrade: no instances (capacity 0), nothing to upgrade',
  );
  assert.match(line(ROLLING, 1), /^Blocked by rolling-requires-health \| if run anyway: Rolling upgrade: 1 batch × 1 · /);
  assert.match(line(ROLLING, 1000), /halts (<0\.1%|≈?\d)/);
  assert.match(
    line('{ "upgradePolicy": { "mode": "[parameters(\'pause\')]" } }'),
    /^Blocked by invalid-enum-value \| if run anyway: Manual upgrades: .* \| mode unreadable, Manual assumed$/,
  );
});

test('CodeLens: large templates get ranges first, simulated on resolve', () => {
  const resources = Array.from(
    { length: EAGER_LENS_LIMIT + 1 },
    (_, i) =>
      `{ "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "s${i}", "sku": { "capacity": 4 }, "properties": ${ROLLING} }`,
  );
  const doc = jsonDocument(
    `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [${resources.join(',')}] }`,
  );
  const lenses = ls.getCodeLenses(doc, { uri: 'u', failureRate: 0 });
  assert.equal(lenses.length, EAGER_LENS_LIMIT + 1);
  assert.ok(lenses.every((l) => l.command === undefined));
  const resolved = ls.resolveCodeLens(doc, lenses[3]!, { uri: 'u', failureRate: 0 });
  assert.match(resolved.command!.title, /4 batches × 1/);
  assert.equal((resolved.command!.arguments![0] as { name: string }).name, 's3');
});

test('inlay hints: instances per batch, instances the unhealthy limits allow, total pause', () => {
  const text = templateWith(ROLLING, { capacity: 12 });
  const doc = jsonDocument(text);
  const hints = ls.getInlayHints(doc, EVERYTHING);
  const labels = hints.map((h) => h.label);
  // Pauses between the batches the simulator plans, as the CodeLens counts them: 7 batches of up to 2 within
  // update domains (3, 3, 2, 2, 2), so 6 pauses, not the 5 that 12 / 2 alone would give.
  assert.deepEqual(labels, [
    'defaults: maxUnhealthyUpgradedInstancePercent 20, rollbackFailedInstancesOnPolicyBreach false, maxSurge false',
    'batches of 1–2 of 12: one update domain',
    '≤ 3 of 12',
    '6 pauses = 30 minutes',
  ]);
  assert.match(ls.getCodeLenses(doc, { uri: 'u', failureRate: 0 })[0]!.command!.title, /7 batches × 2/);
  const one = ls.getInlayHints(jsonDocument(templateWith(ROLLING, { capacity: 2 })), EVERYTHING).map((h) => h.label);
  assert.ok(one.includes('1 pause = 5 minutes'), one.join(' | '));
  assert.deepEqual(
    hints[0]!.position,
    doc.lines.positionAt(text.indexOf('"rollingUpgradePolicy": {') + '"rollingUpgradePolicy": {'.length),
  );
  assert.deepEqual(hints[1]!.position, doc.lines.positionAt(text.indexOf('20, "maxUnhealthy') + 2));
  assert.deepEqual(ls.getInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }), [], 'outside the range');
  assert.ok(
    ls
      .getInlayHints(jsonDocument(templateWith(ROLLING, { capacity: '"[reference(\'x\').n]"' })), EVERYTHING)
      .some((h) => h.label === '2 of 10 assumed per batch'),
  );
});

test('inlay hints: a gate value outside its range shows no count of instances (Azure rejects it)', () => {
  const gateHints = (unhealthy: number, upgraded: number) =>
    ls
      .getInlayHints(
        jsonDocument(
          templateWith(
            `{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxUnhealthyInstancePercent": ${unhealthy}, "maxUnhealthyUpgradedInstancePercent": ${upgraded} } } }`,
            { capacity: 4 },
          ),
        ),
        EVERYTHING,
      )
      .map((h) => String(h.label))
      .filter((l) => l.startsWith('≤'));
  // 150 % of 4 would read "≤ 6 of 4"; 4 % is under the minimum of 5; 0 % is in range for the upgraded gate.
  assert.deepEqual(gateHints(150, 0), ['≤ 0 of 4']);
  assert.deepEqual(gateHints(4, 101), []);
  assert.deepEqual(gateHints(50, 100), ['≤ 2 of 4', '≤ 4 of 4']);
});

test('inlay hints: the defaults Azure applies to what a policy object leaves out, for its API version', () => {
  assert.deepEqual(
    ls.getInlayHints(jsonDocument(templateWith('{ "upgradePolicy": {} }')), EVERYTHING).map((h) => h.label),
    ['defaults: mode Manual'],
  );
  const old = ls.getInlayHints(
    jsonDocument(templateWith('{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": {} } }', { apiVersion: '2020-06-01' })),
    EVERYTHING,
  );
  assert.deepEqual(
    old.map((h) => h.label),
    [
      'defaults: maxBatchInstancePercent 20, maxUnhealthyInstancePercent 20, maxUnhealthyUpgradedInstancePercent 20, pauseTimeBetweenBatches PT0S',
    ],
    'maxSurge and rollback came in 2022-11-01',
  );
  assert.deepEqual(
    ls.getInlayHints(jsonDocument(templateWith('{ "upgradePolicy": "[variables(\'p\')]" }')), EVERYTHING),
    [],
    'nothing for an expression',
  );
});

test('document symbols: each scale set with mode and policy', () => {
  const doc = jsonDocument(templateWith(ROLLING, { capacity: 12 }));
  const [symbol] = ls.findDocumentSymbols(doc);
  assert.equal(symbol!.name, 'web');
  assert.equal(symbol!.detail, 'Rolling · batches 20 % (7 × 1–2) · unhealthy 25 % / 20 % · pause PT5M');
  assert.deepEqual(
    symbol!.children!.map((c) => c.name),
    ['upgradePolicy', 'rollingUpgradePolicy'],
  );
  assert.equal(ls.findDocumentSymbols(jsonDocument(templateWith('{}')))[0]!.detail, 'Manual (default)');
});

test('scale sets for the client: ranges, summary, capacity and the simulator input', () => {
  const [info] = ls.describeScaleSets(jsonDocument(templateWith(ROLLING, { capacity: 12 })), { failureRate: 0.05 });
  assert.equal(info!.name, 'web');
  assert.deepEqual(info!.capacity, { count: 12, known: true });
  assert.ok(info!.upgradePolicyRange);
  const input = info!.simulatorInput;
  assert.equal(input.mode, 'Rolling');
  assert.equal(input.fleet.capacity, 12);
  assert.equal(input.failures.probability, 0.05);
  assert.equal(input.rollingUpgradePolicy?.pauseTimeBetweenBatchesSeconds, 300);
});

test('outline: a half-typed Bicep name past its object keeps the selection inside the symbol (fuzz case s9001-d2035)', () => {
  const doc = bicepDocument("resource'Microsoft.Compute/virtualMachineScaleSets'={name: ");
  const [symbol] = ls.findDocumentSymbols(doc);
  assert.ok(symbol, 'the scale set is in the outline');
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  assert.ok(before(symbol.range.start, symbol.selectionRange.start), JSON.stringify(symbol));
  assert.ok(before(symbol.selectionRange.end, symbol.range.end), JSON.stringify(symbol));
});
